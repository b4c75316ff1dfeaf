using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeNova.Execution.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class StrategyAccountEquity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "account_equities",
                schema: "execution",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    equity = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    valued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_equities", x => new { x.user_id, x.mode });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_equities",
                schema: "execution");
        }
    }
}
