using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeNova.Portfolio.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class BroadcastWatermark : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "broadcast_fills_through",
                schema: "portfolio",
                table: "portfolios",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "broadcast_fills_through",
                schema: "portfolio",
                table: "portfolios");
        }
    }
}
