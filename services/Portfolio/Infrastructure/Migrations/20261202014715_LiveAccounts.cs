using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TradeNova.Portfolio.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class LiveAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_portfolios_user_id",
                schema: "portfolio",
                table: "portfolios");

            migrationBuilder.AddColumn<string>(
                name: "broker_account_number",
                schema: "portfolio",
                table: "portfolios",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "broker_synced_at",
                schema: "portfolio",
                table: "portfolios",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "reconciliations",
                schema: "portfolio",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    portfolio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    symbol = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    portfolio_value = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    broker_value = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    corrected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reconciliations", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_portfolios_user_id_mode",
                schema: "portfolio",
                table: "portfolios",
                columns: new[] { "user_id", "mode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fills_portfolio_id_filled_at",
                schema: "portfolio",
                table: "fills",
                columns: new[] { "portfolio_id", "filled_at" });

            migrationBuilder.CreateIndex(
                name: "ix_reconciliations_portfolio_id_corrected_at",
                schema: "portfolio",
                table: "reconciliations",
                columns: new[] { "portfolio_id", "corrected_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reconciliations",
                schema: "portfolio");

            migrationBuilder.DropIndex(
                name: "ix_portfolios_user_id_mode",
                schema: "portfolio",
                table: "portfolios");

            migrationBuilder.DropIndex(
                name: "ix_fills_portfolio_id_filled_at",
                schema: "portfolio",
                table: "fills");

            migrationBuilder.DropColumn(
                name: "broker_account_number",
                schema: "portfolio",
                table: "portfolios");

            migrationBuilder.DropColumn(
                name: "broker_synced_at",
                schema: "portfolio",
                table: "portfolios");

            migrationBuilder.CreateIndex(
                name: "ix_portfolios_user_id",
                schema: "portfolio",
                table: "portfolios",
                column: "user_id",
                unique: true);
        }
    }
}
