using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeNova.Backtest.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AlpacaBarSets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alpaca_bar_sets",
                schema: "backtest",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    symbol = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    timeframe = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    first_day = table.Column<DateOnly>(type: "date", nullable: false),
                    last_day = table.Column<DateOnly>(type: "date", nullable: false),
                    bars = table.Column<string>(type: "json", nullable: false)
                        .Annotation("Npgsql:Compression:", "lz4"),
                    bar_count = table.Column<int>(type: "integer", nullable: false),
                    fetched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alpaca_bar_sets", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alpaca_bar_sets_user_id_symbol_timeframe_first_day_last_day",
                schema: "backtest",
                table: "alpaca_bar_sets",
                columns: new[] { "user_id", "symbol", "timeframe", "first_day", "last_day" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alpaca_bar_sets",
                schema: "backtest");
        }
    }
}
