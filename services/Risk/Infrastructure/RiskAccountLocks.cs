namespace TradeNova.Risk.Infrastructure;

/// <summary>Row locks on a user's read model, so a valuation and a fill for the same account (delivered concurrently)
/// apply one after the other inside their inbox transactions.</summary>
public static class RiskAccountLocks
{
    /// <summary>The user's paper row, which is also the user's (subscription, registration, an administrator's halt).</summary>
    public static Task<RiskAccount> LockAccountAsync(this RiskContext db, Guid userId, CancellationToken cancellationToken) =>
        db.LockAccountAsync(userId, RiskAccounts.Paper, cancellationToken);

    /// <summary>Creates the account's row if it does not exist and returns it locked (FOR UPDATE) and tracked.</summary>
    public static async Task<RiskAccount> LockAccountAsync(this RiskContext db, Guid userId, string account, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO risk.accounts (user_id, account, cash, equity, start_of_day_equity, peak_equity, monitor_last_equity, monitor_start_of_day_equity, monitor_peak_equity, daily_loss_halted, drawdown_halted, admin_halted) VALUES ({userId}, {account}, 0, 0, 0, 0, 0, 0, 0, false, false, false) ON CONFLICT DO NOTHING",
            cancellationToken);
        return await db.Accounts.FromSql($"SELECT * FROM risk.accounts WHERE user_id = {userId} AND account = {account} FOR UPDATE").SingleAsync(cancellationToken);
    }

    /// <summary>
    /// Several users' rows of one account kind, created where missing, locked in key order (so two batches, or a batch
    /// and a single lock, never wait on each other in a cycle) and tracked; by user id.
    /// </summary>
    public static async Task<Dictionary<Guid, RiskAccount>> LockAccountsAsync(
        this RiskContext db, Guid[] userIds, string account, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO risk.accounts (user_id, account, cash, equity, start_of_day_equity, peak_equity, monitor_last_equity, monitor_start_of_day_equity, monitor_peak_equity, daily_loss_halted, drawdown_halted, admin_halted) SELECT u, {account}, 0, 0, 0, 0, 0, 0, 0, false, false, false FROM unnest({userIds}) AS u ORDER BY u ON CONFLICT DO NOTHING",
            cancellationToken);
        return await db.Accounts
            .FromSql($"SELECT * FROM risk.accounts WHERE account = {account} AND user_id = ANY({userIds}) ORDER BY user_id FOR UPDATE")
            .ToDictionaryAsync(a => a.UserId, cancellationToken);
    }
}
