using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeNova.Portfolio.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class TradingLoopAccounting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "equity",
                schema: "portfolio",
                table: "portfolios",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "fees",
                schema: "portfolio",
                table: "portfolios",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_point_at",
                schema: "portfolio",
                table: "portfolios",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "peak_equity",
                schema: "portfolio",
                table: "portfolios",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "realized_pnl",
                schema: "portfolio",
                table: "portfolios",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<DateOnly>(
                name: "session_date",
                schema: "portfolio",
                table: "portfolios",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<decimal>(
                name: "start_of_day_equity",
                schema: "portfolio",
                table: "portfolios",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "unrealized_pnl",
                schema: "portfolio",
                table: "portfolios",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "valued_at",
                schema: "portfolio",
                table: "portfolios",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "daily_equity",
                schema: "portfolio",
                columns: table => new
                {
                    portfolio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    open_equity = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    high_equity = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    low_equity = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    close_equity = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    cash = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    peak_equity = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    drawdown = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    had_positions = table.Column<bool>(type: "boolean", nullable: false),
                    closed = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_daily_equity", x => new { x.portfolio_id, x.date });
                });

            migrationBuilder.CreateTable(
                name: "fills",
                schema: "portfolio",
                columns: table => new
                {
                    fill_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    portfolio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    symbol = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    side = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    price = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    fee = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    cash_change = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    realized_pnl = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    closed_quantity = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    average_cost_before = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    position_opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    position_after = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    filled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    client_order_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    strategy_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fills", x => x.fill_id);
                });

            migrationBuilder.CreateTable(
                name: "intraday_equity",
                schema: "portfolio",
                columns: table => new
                {
                    portfolio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    equity = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    drawdown = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_intraday_equity", x => new { x.portfolio_id, x.at });
                });

            migrationBuilder.CreateTable(
                name: "positions",
                schema: "portfolio",
                columns: table => new
                {
                    portfolio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    symbol = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    average_cost = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    last_price = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    realized_pnl = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_positions", x => new { x.portfolio_id, x.symbol });
                });

            migrationBuilder.CreateIndex(
                name: "ix_fills_user_id_filled_at",
                schema: "portfolio",
                table: "fills",
                columns: new[] { "user_id", "filled_at" });

            migrationBuilder.CreateIndex(
                name: "ix_fills_user_id_symbol_filled_at",
                schema: "portfolio",
                table: "fills",
                columns: new[] { "user_id", "symbol", "filled_at" });

            // Portfolios opened before valuations existed: equity, start of day and peak are their cash.
            migrationBuilder.Sql(
                "UPDATE portfolio.portfolios SET equity = cash, start_of_day_equity = cash, peak_equity = cash, " +
                "session_date = (now() AT TIME ZONE 'UTC')::date WHERE equity = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "daily_equity",
                schema: "portfolio");

            migrationBuilder.DropTable(
                name: "fills",
                schema: "portfolio");

            migrationBuilder.DropTable(
                name: "intraday_equity",
                schema: "portfolio");

            migrationBuilder.DropTable(
                name: "positions",
                schema: "portfolio");

            migrationBuilder.DropColumn(
                name: "equity",
                schema: "portfolio",
                table: "portfolios");

            migrationBuilder.DropColumn(
                name: "fees",
                schema: "portfolio",
                table: "portfolios");

            migrationBuilder.DropColumn(
                name: "last_point_at",
                schema: "portfolio",
                table: "portfolios");

            migrationBuilder.DropColumn(
                name: "peak_equity",
                schema: "portfolio",
                table: "portfolios");

            migrationBuilder.DropColumn(
                name: "realized_pnl",
                schema: "portfolio",
                table: "portfolios");

            migrationBuilder.DropColumn(
                name: "session_date",
                schema: "portfolio",
                table: "portfolios");

            migrationBuilder.DropColumn(
                name: "start_of_day_equity",
                schema: "portfolio",
                table: "portfolios");

            migrationBuilder.DropColumn(
                name: "unrealized_pnl",
                schema: "portfolio",
                table: "portfolios");

            migrationBuilder.DropColumn(
                name: "valued_at",
                schema: "portfolio",
                table: "portfolios");
        }
    }
}
