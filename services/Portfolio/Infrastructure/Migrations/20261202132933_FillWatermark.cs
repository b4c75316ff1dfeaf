using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeNova.Portfolio.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class FillWatermark : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_fill_at",
                schema: "portfolio",
                table: "portfolios",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.Sql(
                "UPDATE portfolio.portfolios p SET last_fill_at = f.last FROM " +
                "(SELECT portfolio_id, max(filled_at) AS last FROM portfolio.fills GROUP BY portfolio_id) f WHERE f.portfolio_id = p.id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "last_fill_at",
                schema: "portfolio",
                table: "portfolios");
        }
    }
}
