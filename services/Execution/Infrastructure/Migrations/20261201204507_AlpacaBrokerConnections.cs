using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeNova.Execution.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AlpacaBrokerConnections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "broker_connections",
                schema: "execution",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    broker = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    environment = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    masked_key_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    account_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    account_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    key_encryption_key_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sealed_credentials = table.Column<byte[]>(type: "bytea", nullable: false),
                    connected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_broker_connections", x => x.user_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_broker_connections_key_encryption_key_id",
                schema: "execution",
                table: "broker_connections",
                column: "key_encryption_key_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "broker_connections",
                schema: "execution");
        }
    }
}
