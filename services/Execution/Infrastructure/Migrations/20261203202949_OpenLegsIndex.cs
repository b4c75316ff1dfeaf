using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeNova.Execution.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class OpenLegsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_orders_open_legs",
                schema: "execution",
                table: "orders",
                columns: new[] { "user_id", "symbol", "side" },
                filter: "bracket_leg IS NOT NULL AND status IN ('accepted', 'partially_filled')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_open_legs",
                schema: "execution",
                table: "orders");
        }
    }
}
