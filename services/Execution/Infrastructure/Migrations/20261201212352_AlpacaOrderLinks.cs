using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeNova.Execution.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AlpacaOrderLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alpaca_order_links",
                schema: "execution",
                columns: table => new
                {
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_order_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    broker_order_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    submission_attempts = table.Column<int>(type: "integer", nullable: false),
                    last_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    discrepancy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alpaca_order_links", x => x.order_id);
                    table.ForeignKey(
                        name: "fk_alpaca_order_links_orders_order_id",
                        column: x => x.order_id,
                        principalSchema: "execution",
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alpaca_order_links_broker_order_id",
                schema: "execution",
                table: "alpaca_order_links",
                column: "broker_order_id",
                filter: "broker_order_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_alpaca_order_links_client_order_id",
                schema: "execution",
                table: "alpaca_order_links",
                column: "client_order_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alpaca_order_links",
                schema: "execution");
        }
    }
}
