using System.Text;
using System.Text.Json;
using TradeNova.Execution.Audit;
using TradeNova.Execution.Brokers.Alpaca;
using TradeNova.Execution.Brokers.Alpaca.Dto;

namespace TradeNova.Execution.Credentials;

/// <summary>
/// The only place broker keys are written or read. They are sealed before they reach the database and opened only to
/// build a client; nothing here logs or returns them.
/// </summary>
public sealed class BrokerCredentialStore(ExecutionDbContext db, CredentialKeyRing keys, ExecutionAuditLog audit, TimeProvider time)
{
    public const string Alpaca = "alpaca";

    public Task<BrokerConnection?> FindAsync(Guid userId, CancellationToken cancellationToken) =>
        db.BrokerConnections.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken);

    /// <summary>Stores verified keys, replacing any earlier connection of the user.</summary>
    public async Task<BrokerConnection> SaveAsync(Guid userId, AlpacaCredentials credentials, AlpacaAccount account, CancellationToken cancellationToken)
    {
        var (keyId, key) = keys.Active;
        var now = time.GetUtcNow();
        var sealedCredentials = Seal(userId, credentials, key);
        var connection = await db.BrokerConnections.SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        if (connection is null)
        {
            connection = new BrokerConnection
            {
                UserId = userId,
                Broker = Alpaca,
                Environment = credentials.Environment,
                MaskedKeyId = credentials.MaskedKeyId,
                AccountNumber = account.AccountNumber,
                KeyEncryptionKeyId = keyId,
                SealedCredentials = sealedCredentials,
                ConnectedAt = now,
            };
            db.BrokerConnections.Add(connection);
        }
        else
        {
            connection.Environment = credentials.Environment;
            connection.MaskedKeyId = credentials.MaskedKeyId;
            connection.AccountNumber = account.AccountNumber;
            connection.KeyEncryptionKeyId = keyId;
            connection.SealedCredentials = sealedCredentials;
            connection.ConnectedAt = now;
        }

        connection.AccountStatus = account.Status;
        connection.UpdatedAt = now;
        audit.Record(userId, ExecutionAuditActions.BrokerConnected, Describe(connection));
        await db.SaveChangesAsync(cancellationToken);
        return connection;
    }

    /// <summary>The user's keys, opened; null when the user has no connection.</summary>
    public async Task<AlpacaCredentials?> LoadCredentialsAsync(Guid userId, CancellationToken cancellationToken)
    {
        var connection = await FindAsync(userId, cancellationToken);
        return connection is null ? null : Open(connection, keys.Get(connection.KeyEncryptionKeyId));
    }

    public async Task<bool> DeleteAsync(Guid userId, CancellationToken cancellationToken)
    {
        var connection = await db.BrokerConnections.SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        if (connection is null)
        {
            return false;
        }

        db.BrokerConnections.Remove(connection);
        audit.Record(userId, ExecutionAuditActions.BrokerDisconnected, Describe(connection));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false; // deleted (or replaced) concurrently; the caller may try again
        }

        return true;
    }

    private static string Describe(BrokerConnection connection) =>
        $"{connection.Broker} {connection.Environment} key {connection.MaskedKeyId}, account {connection.AccountNumber}";

    /// <summary>
    /// Re-encrypts up to <paramref name="batchSize"/> connections sealed under a key other than the active one, each
    /// under a fresh data key. Returns how many it re-encrypted (0: rotation complete).
    /// </summary>
    public async Task<int> ReEncryptAsync(int batchSize, CancellationToken cancellationToken)
    {
        var (activeId, activeKey) = keys.Active;
        var stale = await db.BrokerConnections.Where(c => c.KeyEncryptionKeyId != activeId)
            .OrderBy(c => c.UserId).Take(batchSize).ToListAsync(cancellationToken);
        foreach (var connection in stale)
        {
            var credentials = Open(connection, keys.Get(connection.KeyEncryptionKeyId));
            connection.SealedCredentials = Seal(connection.UserId, credentials, activeKey);
            connection.KeyEncryptionKeyId = activeId;
        }

        // A concurrent save of the same row (a user reconnecting) wins: it is sealed under the active key already.
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
        }

        return stale.Count;
    }

    private static byte[] Seal(Guid userId, AlpacaCredentials credentials, byte[] key) =>
        CredentialCipher.Seal(
            JsonSerializer.SerializeToUtf8Bytes(new SealedAlpacaKeys(credentials.KeyId, credentials.SecretKey)),
            AssociatedData(userId, Alpaca, credentials.Environment),
            key);

    private static AlpacaCredentials Open(BrokerConnection connection, byte[] key)
    {
        var plaintext = CredentialCipher.Open(connection.SealedCredentials, AssociatedData(connection.UserId, connection.Broker, connection.Environment), key);
        var keys = JsonSerializer.Deserialize<SealedAlpacaKeys>(plaintext)
                   ?? throw new InvalidOperationException("Sealed broker credentials are empty.");
        return new AlpacaCredentials(keys.KeyId, keys.SecretKey, connection.Environment == AlpacaEnvironments.Paper);
    }

    private static byte[] AssociatedData(Guid userId, string broker, string environment) =>
        Encoding.UTF8.GetBytes($"tradenova/broker-credentials/v1/{userId:N}/{broker}/{environment}");

    private sealed record SealedAlpacaKeys(string KeyId, string SecretKey);
}
