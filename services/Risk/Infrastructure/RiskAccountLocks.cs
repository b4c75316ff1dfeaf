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
}
