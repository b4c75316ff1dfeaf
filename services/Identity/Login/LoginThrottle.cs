using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TradeNova.Identity.Login;

/// <summary>
/// Per (account, client address) lockout with a doubling, capped duration. State lives in the database, so every
/// replica sees the same counters; the failure count is incremented in one statement, so parallel guesses all count.
/// </summary>
public sealed class LoginThrottle(IdentityContext db, IOptions<LoginThrottleOptions> options)
{
    /// <summary>A fixed-size key for whatever email was typed: attacker-chosen text is never stored here.</summary>
    public static string AccountKeyOf(string normalizedEmail) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)));

    /// <summary>How much longer <paramref name="clientAddress"/> is locked out of the account, or null.</summary>
    public async Task<TimeSpan?> LockedForAsync(string accountKey, string clientAddress, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lockedUntil = await db.LoginThrottles.AsNoTracking()
            .Where(t => t.AccountKey == accountKey && t.ClientAddress == clientAddress)
            .Select(t => t.LockedUntil)
            .SingleOrDefaultAsync(cancellationToken);
        return lockedUntil > now ? lockedUntil.Value - now : null;
    }

    /// <summary>Counts a failure; returns the lockout it triggers (zero when the address may try again at once).</summary>
    public async Task<TimeSpan> RecordFailureAsync(string accountKey, string clientAddress, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var forgetBefore = now - settings.ForgetAfter;
        // INSERT ... RETURNING cannot be composed, so the single row is read from the list.
        var counts = await db.Database.SqlQuery<int>($"""
            INSERT INTO identity.login_throttles AS t (account_key, client_address, failures, last_failed_at, locked_until)
            VALUES ({accountKey}, {clientAddress}, 1, {now}, NULL)
            ON CONFLICT (account_key, client_address) DO UPDATE
            SET failures = CASE WHEN t.last_failed_at < {forgetBefore} THEN 1 ELSE t.failures + 1 END,
                last_failed_at = EXCLUDED.last_failed_at
            RETURNING t.failures AS "Value"
            """).ToListAsync(cancellationToken);
        var failures = counts.Single();

        var lockout = settings.LockoutAfter(failures);
        if (lockout > TimeSpan.Zero)
        {
            await db.LoginThrottles
                .Where(t => t.AccountKey == accountKey && t.ClientAddress == clientAddress)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.LockedUntil, now + lockout), cancellationToken);
        }

        return lockout;
    }

    /// <summary>A successful login from this address forgets its failures.</summary>
    public Task ResetAsync(string accountKey, string clientAddress, CancellationToken cancellationToken) =>
        db.LoginThrottles
            .Where(t => t.AccountKey == accountKey && t.ClientAddress == clientAddress)
            .ExecuteDeleteAsync(cancellationToken);

    /// <summary>A password set by a reset link forgets the account's failures from every address: the guesses were at
    /// a password that no longer exists.</summary>
    public Task ForgetAccountAsync(string accountKey, CancellationToken cancellationToken) =>
        db.LoginThrottles.Where(t => t.AccountKey == accountKey).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Removes counters nobody has failed on for <see cref="LoginThrottleOptions.ForgetAfter"/>.</summary>
    public Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var forgetBefore = now - options.Value.ForgetAfter;
        return db.LoginThrottles
            .Where(t => t.LastFailedAt < forgetBefore && (t.LockedUntil == null || t.LockedUntil < now))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
