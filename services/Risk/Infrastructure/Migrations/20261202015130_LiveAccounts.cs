using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeNova.Risk.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class LiveAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_positions",
                schema: "risk",
                table: "positions");

            migrationBuilder.DropPrimaryKey(
                name: "pk_accounts",
                schema: "risk",
                table: "accounts");

            migrationBuilder.AddColumn<string>(
                name: "account",
                schema: "risk",
                table: "positions",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "paper");

            migrationBuilder.AddColumn<string>(
                name: "account",
                schema: "risk",
                table: "accounts",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "paper");

            migrationBuilder.AddPrimaryKey(
                name: "pk_positions",
                schema: "risk",
                table: "positions",
                columns: new[] { "user_id", "account", "symbol" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_accounts",
                schema: "risk",
                table: "accounts",
                columns: new[] { "user_id", "account" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_positions",
                schema: "risk",
                table: "positions");

            migrationBuilder.DropPrimaryKey(
                name: "pk_accounts",
                schema: "risk",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "account",
                schema: "risk",
                table: "positions");

            migrationBuilder.DropColumn(
                name: "account",
                schema: "risk",
                table: "accounts");

            migrationBuilder.AddPrimaryKey(
                name: "pk_positions",
                schema: "risk",
                table: "positions",
                columns: new[] { "user_id", "symbol" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_accounts",
                schema: "risk",
                table: "accounts",
                column: "user_id");
        }
    }
}
