using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeNova.Execution.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class OrderSweepIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_orders_live",
                schema: "execution",
                table: "orders",
                columns: new[] { "user_id", "updated_at" },
                filter: "mode = 'live'");

            migrationBuilder.CreateIndex(
                name: "ix_orders_unsubmitted",
                schema: "execution",
                table: "orders",
                column: "accepted_at",
                filter: "status IN ('accepted', 'partially_filled') AND submitted_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_live",
                schema: "execution",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_unsubmitted",
                schema: "execution",
                table: "orders");
        }
    }
}
