namespace TradeNova.Risk.Infrastructure;

/// <summary>
/// <see cref="RiskAccountLocks.LockAccountAsync(RiskContext, Guid, string, CancellationToken)"/> in one statement instead
/// of two. <c>INSERT ... ON CONFLICT DO UPDATE</c> either inserts the row (locked as any inserted row is until commit) or
/// locks the existing one before updating it; setting a key column (to its own value) makes that the same FOR UPDATE
/// lock the two-statement form takes, and a concurrent holder is waited for and its committed row returned, as FOR UPDATE
/// does. The no-op update writes a new row version (HOT: no key value changes), the price of one round trip less.
/// </summary>
public static class RiskAccountUpsertLock
{
    /// <summary>Creates the account's row if it does not exist and returns it locked (FOR UPDATE) and tracked.</summary>
    public static async Task<RiskAccount> LockAccountInOneTripAsync(this RiskContext db, Guid userId, string account, CancellationToken cancellationToken)
    {
        // Not composable (an INSERT), so the rows are listed as they come rather than wrapped in a SingleAsync subquery.
        var rows = await db.Accounts.FromSql(
                $"INSERT INTO risk.accounts (user_id, account, cash, equity, start_of_day_equity, peak_equity, monitor_last_equity, monitor_start_of_day_equity, monitor_peak_equity, daily_loss_halted, drawdown_halted, admin_halted) VALUES ({userId}, {account}, 0, 0, 0, 0, 0, 0, 0, false, false, false) ON CONFLICT (user_id, account) DO UPDATE SET user_id = excluded.user_id RETURNING *")
            .ToListAsync(cancellationToken);
        return rows.Single();
    }
}
