using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeNova.Execution.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PaperExchangeCrossingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_orders_paper_immediate",
                schema: "execution",
                table: "orders",
                column: "accepted_at",
                filter: "status IN ('accepted', 'partially_filled') AND mode = 'paper' AND (type = 'market' OR time_in_force IN ('ioc', 'fok') OR (type = 'stop' AND stop_triggered))");

            migrationBuilder.CreateIndex(
                name: "ix_orders_paper_resting_limit",
                schema: "execution",
                table: "orders",
                columns: new[] { "symbol", "side", "limit_price" },
                filter: "status IN ('accepted', 'partially_filled') AND mode = 'paper' AND limit_price IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_orders_paper_resting_stop",
                schema: "execution",
                table: "orders",
                columns: new[] { "symbol", "side", "stop_price" },
                filter: "status IN ('accepted', 'partially_filled') AND mode = 'paper' AND stop_price IS NOT NULL AND NOT stop_triggered");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_paper_immediate",
                schema: "execution",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_paper_resting_limit",
                schema: "execution",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_paper_resting_stop",
                schema: "execution",
                table: "orders");
        }
    }
}
