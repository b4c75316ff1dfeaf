using Npgsql;

namespace TradeNova.LoopFloor;

/// <summary>
/// A database of its own (<c>tradenova_floor</c>, made anew for every run) with one schema per role, as the platform
/// has one per service. Only the columns and keys the loop needs: idempotency key and client order id on the order,
/// the outbox, the fill applied once by its id.
/// </summary>
public static class FloorSchema
{
    public const string Database = "tradenova_floor";

    private const string Tables = """
        CREATE SCHEMA execution;
        CREATE TABLE execution.orders (
            id uuid PRIMARY KEY, user_id uuid NOT NULL, idempotency_key text NOT NULL, client_order_id text NOT NULL UNIQUE,
            symbol text NOT NULL, notional numeric NOT NULL, status text NOT NULL, reason_codes text[] NOT NULL DEFAULT '{}',
            created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, UNIQUE (user_id, idempotency_key));
        CREATE TABLE execution.fills (
            id uuid PRIMARY KEY, order_id uuid NOT NULL REFERENCES execution.orders (id), quantity numeric NOT NULL,
            price numeric NOT NULL, filled_at timestamptz NOT NULL);
        CREATE TABLE execution.outbox (
            id bigserial PRIMARY KEY, body jsonb NOT NULL, created_at timestamptz NOT NULL, sent_at timestamptz);
        CREATE SCHEMA risk;
        CREATE TABLE risk.accounts (
            user_id uuid PRIMARY KEY, equity numeric NOT NULL, open_positions int NOT NULL, exposure numeric NOT NULL);
        CREATE SCHEMA portfolio;
        CREATE TABLE portfolio.portfolios (user_id uuid PRIMARY KEY, cash numeric NOT NULL, updated_at timestamptz NOT NULL);
        CREATE TABLE portfolio.positions (
            user_id uuid NOT NULL, symbol text NOT NULL, quantity numeric NOT NULL, cost numeric NOT NULL,
            PRIMARY KEY (user_id, symbol));
        CREATE TABLE portfolio.trades (
            fill_id uuid PRIMARY KEY, order_id uuid NOT NULL, user_id uuid NOT NULL, symbol text NOT NULL,
            quantity numeric NOT NULL, price numeric NOT NULL, filled_at timestamptz NOT NULL);
        CREATE INDEX ON portfolio.trades (user_id, filled_at);
        """;

    public static async Task RecreateAsync(string adminConnectionString)
    {
        await using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        await using var floor = new NpgsqlConnection(ConnectionString(adminConnectionString));
        await floor.OpenAsync();
        await using var tables = new NpgsqlCommand(Tables, floor);
        await tables.ExecuteNonQueryAsync();
    }

    public static string ConnectionString(string adminConnectionString) =>
        new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = Database, NoResetOnClose = true, MaxPoolSize = 50 }.ConnectionString;
}
