using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeNova.Backtest.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class BacktestLab : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "jobs",
                schema: "backtest",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    request = table.Column<string>(type: "jsonb", nullable: false),
                    progress = table.Column<double>(type: "double precision", nullable: false),
                    eta_seconds = table.Column<double>(type: "double precision", nullable: true),
                    cancel_requested = table.Column<bool>(type: "boolean", nullable: false),
                    run_token = table.Column<Guid>(type: "uuid", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    heartbeat_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    error = table.Column<string>(type: "text", nullable: true),
                    engine_version = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    data_summary = table.Column<string>(type: "text", nullable: true),
                    uses_synthetic_data = table.Column<bool>(type: "boolean", nullable: false),
                    assumptions = table.Column<string>(type: "text", nullable: true),
                    final_equity = table.Column<decimal>(type: "numeric", nullable: true),
                    total_return = table.Column<double>(type: "double precision", nullable: true),
                    sharpe = table.Column<double>(type: "double precision", nullable: true),
                    max_drawdown = table.Column<double>(type: "double precision", nullable: true),
                    trade_count = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "user_data_sets",
                schema: "backtest",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    symbol = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    csv = table.Column<string>(type: "text", nullable: false),
                    bar_count = table.Column<int>(type: "integer", nullable: false),
                    first_bar = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_bar = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_data_sets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "job_results",
                schema: "backtest",
                columns: table => new
                {
                    backtest_id = table.Column<Guid>(type: "uuid", nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    trades = table.Column<string>(type: "jsonb", nullable: false),
                    equity = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_results", x => x.backtest_id);
                    table.ForeignKey(
                        name: "fk_job_results_jobs_backtest_id",
                        column: x => x.backtest_id,
                        principalSchema: "backtest",
                        principalTable: "jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_jobs_user_id_created_at",
                schema: "backtest",
                table: "jobs",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_jobs_user_id_status",
                schema: "backtest",
                table: "jobs",
                columns: new[] { "user_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_user_data_sets_user_id_symbol",
                schema: "backtest",
                table: "user_data_sets",
                columns: new[] { "user_id", "symbol" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_results",
                schema: "backtest");

            migrationBuilder.DropTable(
                name: "user_data_sets",
                schema: "backtest");

            migrationBuilder.DropTable(
                name: "jobs",
                schema: "backtest");
        }
    }
}
