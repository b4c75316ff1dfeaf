using TradeNova.Contracts.Risk;
using TradeNova.Risk.Monitoring;
using TradeNova.ServiceDefaults.Messaging.Outbox;
using TradeNova.Trading.Risk;

namespace TradeNova.Risk.Halts;

/// <summary>People's halt decisions: a user acknowledging a drawdown halt, an admin halting or resuming one user, and
/// the platform kill switch. Each is audited and announced through the outbox in one transaction.</summary>
public sealed class HaltCommands(RiskContext db, IOutbox outbox, TimeProvider time)
{
    /// <summary>The user acknowledges the drawdown halt of one account (<c>paper</c> or <c>live</c>).</summary>
    public async Task<HaltCommandResult> ResumeByUserAsync(Guid userId, string accountName, string? reason, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var user = await db.LockAccountAsync(userId, cancellationToken);
        var account = accountName == RiskAccounts.Paper ? user : await db.LockAccountAsync(userId, accountName, cancellationToken);
        if (!account.DrawdownHalted)
        {
            return HaltCommandResult.Refused(account.IsDailyLossHaltActive(now) || user.AdminHalted
                ? "This halt cannot be lifted by you: a daily-loss halt ends at the next session, an administrator's halt by an administrator."
                : "Trading is not halted by the drawdown monitor; there is nothing to resume.");
        }

        await ResetDrawdownAsync(account, cancellationToken);
        Audit(userId, "user", RiskActions.UserResumed, userId, reason, now);
        AnnounceResumedIfFree(account, user, "You acknowledged the drawdown halt and resumed trading.", now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return HaltCommandResult.Ok;
    }

    public async Task AdminHaltAsync(Guid userId, Guid adminId, string? reason, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await db.LockAccountAsync(userId, cancellationToken);
        StageAdminHalt(account, adminId, reason);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>An administrator's halt of the user whose paper row <paramref name="account"/> is (locked by the caller),
    /// audited and announced; the caller saves, in its own transaction.</summary>
    public void StageAdminHalt(RiskAccount account, Guid adminId, string? reason)
    {
        var now = time.GetUtcNow();
        var text = string.IsNullOrWhiteSpace(reason) ? "Trading on your account is halted by an administrator." : reason.Trim();
        account.AdminHalted = true;
        account.AdminHaltReason = text;
        account.AdminHaltedAt = now;
        Audit(adminId, "admin", RiskActions.AdminHalted, account.UserId, reason, now);
        outbox.Add(new TradingHalted(account.UserId, HaltCodes.KillSwitch, text, now, null));
    }

    /// <summary>Lifts every halt of the user, on both accounts: the admin's own, a drawdown halt (peak restarts from
    /// current equity) and today's daily-loss halt.</summary>
    public async Task AdminResumeAsync(Guid userId, Guid adminId, string? reason, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var account = await db.LockAccountAsync(userId, cancellationToken);
        account.AdminHalted = false;
        account.AdminHaltReason = null;
        account.AdminHaltedAt = null;
        var live = await db.Accounts
            .FromSql($"SELECT * FROM risk.accounts WHERE user_id = {userId} AND account = {RiskAccounts.Live} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        foreach (var row in live is null ? [account] : new[] { account, live })
        {
            row.DailyLossHalted = false;
            if (row.DrawdownHalted)
            {
                await ResetDrawdownAsync(row, cancellationToken);
            }
        }

        Audit(adminId, "admin", RiskActions.AdminResumed, userId, reason, now);
        outbox.Add(new TradingResumed(userId, string.IsNullOrWhiteSpace(reason) ? "An administrator resumed trading." : reason.Trim(), now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Engages or releases the platform-wide kill switch; every known user is told through the outbox.</summary>
    public async Task SetKillSwitchAsync(bool active, Guid adminId, string? reason, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var halt = await db.PlatformHalts.FromSql($"SELECT * FROM risk.platform_halt WHERE id = {PlatformHalt.SingletonId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (halt is null)
        {
            halt = new PlatformHalt();
            db.PlatformHalts.Add(halt);
        }

        var wasActive = halt.Active;
        var text = string.IsNullOrWhiteSpace(reason)
            ? active ? "Trading is halted for everyone by an administrator." : "An administrator released the platform halt."
            : reason.Trim();
        halt.Active = active;
        halt.Reason = active ? text : null;
        halt.ChangedBy = adminId;
        halt.ChangedAt = now;
        Audit(adminId, "admin", active ? RiskActions.KillSwitchOn : RiskActions.KillSwitchOff, null, reason, now);

        if (wasActive != active)
        {
            // One announcement per user (the paper row is the user's); the kill switch halts both accounts.
            var accounts = await db.Accounts.AsNoTracking().Where(a => a.Account == RiskAccounts.Paper).ToListAsync(cancellationToken);
            foreach (var account in accounts)
            {
                if (active)
                {
                    outbox.Add(new TradingHalted(account.UserId, HaltCodes.KillSwitch, text, now, null));
                }
                else if (!PostTradeMonitor.IsHalted(account, now))
                {
                    outbox.Add(new TradingResumed(account.UserId, text, now));
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task ResetDrawdownAsync(RiskAccount account, CancellationToken cancellationToken)
    {
        var profile = await db.RiskProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == account.UserId, cancellationToken);
        var limits = profile?.ToLimits() ?? RiskLimits.PlatformDefaults;
        var state = account.HasMonitorState
            ? account.CaptureState()
            : new RiskMonitorState(null, account.Equity, account.StartOfDayEquity, account.PeakEquity, account.DailyLossHalted, account.DrawdownHalted);
        var monitor = RiskMonitor.Restore(limits, state);
        monitor.ResetDrawdownHalt(account.Equity > 0m ? account.Equity : state.LastEquity);
        account.Store(monitor.Capture());
        account.DrawdownHaltedAt = null;
    }

    private void AnnounceResumedIfFree(RiskAccount account, RiskAccount user, string reason, DateTimeOffset now)
    {
        if (!PostTradeMonitor.IsHalted(account, now) && !user.AdminHalted)
        {
            outbox.Add(new TradingResumed(account.UserId, reason, now, account.Account));
        }
    }

    private void Audit(Guid actorId, string role, string action, Guid? subject, string? reason, DateTimeOffset now) =>
        db.Audit.Add(new RiskAuditEntry
        {
            At = now,
            ActorId = actorId,
            ActorRole = role,
            Action = action,
            SubjectUserId = subject,
            Reason = reason,
        });
}
