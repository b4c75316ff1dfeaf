using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeNova.Risk.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class FillWatermark : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_fill_at",
                schema: "risk",
                table: "accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "valuation_fills_through",
                schema: "risk",
                table: "accounts",
                type: "timestamp with time zone",
                nullable: true);

            // Until now a valuation was taken to hold every fill stamped before it: the same rule for the rows there are.
            migrationBuilder.Sql("UPDATE risk.accounts SET valuation_fills_through = valued_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "last_fill_at",
                schema: "risk",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "valuation_fills_through",
                schema: "risk",
                table: "accounts");
        }
    }
}
