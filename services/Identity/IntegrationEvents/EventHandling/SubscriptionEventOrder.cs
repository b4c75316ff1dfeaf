namespace TradeNova.Identity.IntegrationEvents.EventHandling;

/// <summary>Orders Billing's subscription events per user by (version, time); events arrive in any order.</summary>
public static class SubscriptionEventOrder
{
    /// <summary>
    /// Records (<paramref name="version"/>, <paramref name="effectiveAt"/>) as the user's newest subscription event
    /// and returns true, or returns false when a newer or equal one was applied already. The upsert locks the
    /// user's row until the caller's transaction commits, so concurrent events for one user take turns.
    /// </summary>
    public static async Task<bool> TryAdvanceAsync(
        IdentityContext db, Guid userId, long version, DateTimeOffset effectiveAt, CancellationToken cancellationToken)
    {
        var applied = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO identity.subscription_stamps (user_id, version, effective_at) VALUES ({userId}, {version}, {effectiveAt})
            ON CONFLICT (user_id) DO UPDATE SET version = excluded.version, effective_at = excluded.effective_at
            WHERE (subscription_stamps.version, subscription_stamps.effective_at) < (excluded.version, excluded.effective_at)
            """,
            cancellationToken);
        return applied == 1;
    }
}
