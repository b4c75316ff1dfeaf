using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TradeNova.Risk.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class TradingLoopReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "version",
                schema: "risk",
                table: "risk_profiles",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "accounts",
                schema: "risk",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    portfolio_id = table.Column<Guid>(type: "uuid", nullable: true),
                    cash = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    equity = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    start_of_day_equity = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    peak_equity = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    valued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    subscription_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    subscription_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    monitor_utc_day = table.Column<long>(type: "bigint", nullable: true),
                    monitor_last_equity = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    monitor_start_of_day_equity = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    monitor_peak_equity = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    daily_loss_halted = table.Column<bool>(type: "boolean", nullable: false),
                    daily_loss_halted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    drawdown_halted = table.Column<bool>(type: "boolean", nullable: false),
                    drawdown_halted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    admin_halted = table.Column<bool>(type: "boolean", nullable: false),
                    admin_halt_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    admin_halted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accounts", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                schema: "risk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    subject_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    old_value = table.Column<string>(type: "jsonb", nullable: true),
                    new_value = table.Column<string>(type: "jsonb", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "limit_versions",
                schema: "risk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    max_position_fraction = table.Column<decimal>(type: "numeric(7,6)", precision: 7, scale: 6, nullable: false),
                    max_open_positions = table.Column<int>(type: "integer", nullable: false),
                    daily_loss_fraction = table.Column<decimal>(type: "numeric(7,6)", precision: 7, scale: 6, nullable: false),
                    max_drawdown_fraction = table.Column<decimal>(type: "numeric(7,6)", precision: 7, scale: 6, nullable: false),
                    stop_loss_fraction = table.Column<decimal>(type: "numeric(7,6)", precision: 7, scale: 6, nullable: false),
                    take_profit_fraction = table.Column<decimal>(type: "numeric(7,6)", precision: 7, scale: 6, nullable: false),
                    changed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    changed_by_role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_limit_versions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "platform_halt",
                schema: "risk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    changed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_halt", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "positions",
                schema: "risk",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    symbol = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    average_cost = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    last_price = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_positions", x => new { x.user_id, x.symbol });
                });

            migrationBuilder.CreateTable(
                name: "symbols",
                schema: "risk",
                columns: table => new
                {
                    symbol = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    last_price = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_symbols", x => x.symbol);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_subject_user_id_at",
                schema: "risk",
                table: "audit_log",
                columns: new[] { "subject_user_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_limit_versions_user_id_version",
                schema: "risk",
                table: "limit_versions",
                columns: new[] { "user_id", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accounts",
                schema: "risk");

            migrationBuilder.DropTable(
                name: "audit_log",
                schema: "risk");

            migrationBuilder.DropTable(
                name: "limit_versions",
                schema: "risk");

            migrationBuilder.DropTable(
                name: "platform_halt",
                schema: "risk");

            migrationBuilder.DropTable(
                name: "positions",
                schema: "risk");

            migrationBuilder.DropTable(
                name: "symbols",
                schema: "risk");

            migrationBuilder.DropColumn(
                name: "version",
                schema: "risk",
                table: "risk_profiles");
        }
    }
}
