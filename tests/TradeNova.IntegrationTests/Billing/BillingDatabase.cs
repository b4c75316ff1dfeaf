using Npgsql;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Billing;

/// <summary>Reads the billing schema, to check what a webhook left behind (or that it left nothing).</summary>
public sealed class BillingDatabase(TestDatabase database)
{
    public Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters) => ScalarAsync(sql, parameters);

    public Task<long> CountStripeEventsAsync(string eventId) =>
        ScalarAsync("SELECT count(*) FROM billing.stripe_events WHERE event_id = @id", ("id", eventId));

    /// <summary>Rows anywhere in Billing that mention the Stripe customer (subscriptions, invoices, payments).</summary>
    public Task<long> CountRowsForCustomerAsync(string customerId) =>
        ScalarAsync(
            "SELECT (SELECT count(*) FROM billing.subscriptions WHERE external_customer_id = @c) " +
            "+ (SELECT count(*) FROM billing.invoices WHERE external_customer_id = @c) " +
            "+ (SELECT count(*) FROM billing.payments WHERE external_customer_id = @c)",
            ("c", customerId));

    public Task<long> CountOutboxRowsForUserAsync(Guid userId) =>
        ScalarAsync("SELECT count(*) FROM billing.outbox_messages WHERE body::text LIKE '%' || @u || '%'", ("u", userId.ToString()));

    /// <summary>Makes a registered user an admin (as an operator would, in Identity's table); their next login carries the role.</summary>
    public async Task PromoteToAdminAsync(Guid userId)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("UPDATE identity.users SET role = 'admin' WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", userId);
        (await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    /// <summary>Runs <paramref name="sql"/> as Billing's own role (owner of its schema) and returns the error PostgreSQL raised, if any.</summary>
    public async Task<string?> TryAsBillingRoleAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionStringFor("billing"));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        try
        {
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            return null;
        }
        catch (PostgresException error)
        {
            return error.MessageText;
        }
    }

    private async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
