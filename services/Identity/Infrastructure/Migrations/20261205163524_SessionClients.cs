using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeNova.Identity.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class SessionClients : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "client_address",
                schema: "identity",
                table: "refresh_tokens",
                type: "character varying(45)",
                maxLength: 45,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "user_agent",
                schema: "identity",
                table: "refresh_tokens",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "client_address",
                schema: "identity",
                table: "refresh_tokens");

            migrationBuilder.DropColumn(
                name: "user_agent",
                schema: "identity",
                table: "refresh_tokens");
        }
    }
}
