using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TradeNova.Execution.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class MarketShocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "market_shocks",
                schema: "execution",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    symbol = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    factor = table.Column<decimal>(type: "numeric(20,10)", precision: 20, scale: 10, nullable: false),
                    change_percent = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    effective_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_market_shocks", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_market_shocks_symbol_effective_at",
                schema: "execution",
                table: "market_shocks",
                columns: new[] { "symbol", "effective_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "market_shocks",
                schema: "execution");
        }
    }
}
