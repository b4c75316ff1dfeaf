using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeNova.Execution.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AlpacaBracketLegs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "stop_loss_broker_order_id",
                schema: "execution",
                table: "alpaca_order_links",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "take_profit_broker_order_id",
                schema: "execution",
                table: "alpaca_order_links",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_alpaca_order_links_stop_loss_broker_order_id",
                schema: "execution",
                table: "alpaca_order_links",
                column: "stop_loss_broker_order_id",
                filter: "stop_loss_broker_order_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_alpaca_order_links_take_profit_broker_order_id",
                schema: "execution",
                table: "alpaca_order_links",
                column: "take_profit_broker_order_id",
                filter: "take_profit_broker_order_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_alpaca_order_links_stop_loss_broker_order_id",
                schema: "execution",
                table: "alpaca_order_links");

            migrationBuilder.DropIndex(
                name: "ix_alpaca_order_links_take_profit_broker_order_id",
                schema: "execution",
                table: "alpaca_order_links");

            migrationBuilder.DropColumn(
                name: "stop_loss_broker_order_id",
                schema: "execution",
                table: "alpaca_order_links");

            migrationBuilder.DropColumn(
                name: "take_profit_broker_order_id",
                schema: "execution",
                table: "alpaca_order_links");
        }
    }
}
