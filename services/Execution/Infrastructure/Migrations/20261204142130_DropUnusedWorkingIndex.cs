using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeNova.Execution.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class DropUnusedWorkingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_working",
                schema: "execution",
                table: "orders");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_orders_working",
                schema: "execution",
                table: "orders",
                columns: new[] { "symbol", "accepted_at" },
                filter: "status IN ('accepted', 'partially_filled')");
        }
    }
}
