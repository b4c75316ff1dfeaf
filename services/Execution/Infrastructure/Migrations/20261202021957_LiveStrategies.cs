using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeNova.Execution.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class LiveStrategies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "strategy_run_id",
                schema: "execution",
                table: "orders",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "strategy_runs",
                schema: "execution",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    strategy_name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    parameters = table.Column<string>(type: "text", nullable: false),
                    symbols = table.Column<List<string>>(type: "text[]", nullable: false),
                    sizing_mode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    sizing_value = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: true),
                    allocation = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    account = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    bar_seconds = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    stop_reason = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    stop_detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    idempotency_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    stopped_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_bar_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    bars_processed = table.Column<int>(type: "integer", nullable: false),
                    orders_sent = table.Column<int>(type: "integer", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    lease_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_strategy_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "strategy_signals",
                schema: "execution",
                columns: table => new
                {
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    symbol = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    side = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    order_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    closes_position = table.Column<bool>(type: "boolean", nullable: false),
                    limit_price = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: true),
                    stop_price = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: true),
                    stop_loss = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: true),
                    take_profit = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: true),
                    idempotency_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_strategy_signals", x => new { x.run_id, x.time, x.sequence });
                    table.ForeignKey(
                        name: "fk_strategy_signals_strategy_runs_run_id",
                        column: x => x.run_id,
                        principalSchema: "execution",
                        principalTable: "strategy_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "strategy_steps",
                schema: "execution",
                columns: table => new
                {
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    record = table.Column<string>(type: "text", nullable: false),
                    completed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_strategy_steps", x => new { x.run_id, x.time });
                    table.ForeignKey(
                        name: "fk_strategy_steps_strategy_runs_run_id",
                        column: x => x.run_id,
                        principalSchema: "execution",
                        principalTable: "strategy_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_orders_strategy_run_id_created_at",
                schema: "execution",
                table: "orders",
                columns: new[] { "strategy_run_id", "created_at" },
                filter: "strategy_run_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_strategy_runs_running",
                schema: "execution",
                table: "strategy_runs",
                column: "lease_expires_at",
                filter: "status = 'running'");

            migrationBuilder.CreateIndex(
                name: "ix_strategy_runs_user_id_idempotency_key",
                schema: "execution",
                table: "strategy_runs",
                columns: new[] { "user_id", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_strategy_runs_user_id_started_at",
                schema: "execution",
                table: "strategy_runs",
                columns: new[] { "user_id", "started_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "strategy_signals",
                schema: "execution");

            migrationBuilder.DropTable(
                name: "strategy_steps",
                schema: "execution");

            migrationBuilder.DropTable(
                name: "strategy_runs",
                schema: "execution");

            migrationBuilder.DropIndex(
                name: "ix_orders_strategy_run_id_created_at",
                schema: "execution",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "strategy_run_id",
                schema: "execution",
                table: "orders");
        }
    }
}
