using TradeNova.Contracts.Risk;
using TradeNova.Risk.Apis;

namespace TradeNova.Risk.Halts;

/// <summary>The halts in force for a user, as the API and the SPA banner show them.</summary>
public static class HaltStateReader
{
    /// <summary>The halts on the account's opening orders: the kill switch and an administrator's halt of the user apply
    /// to both accounts; the monitors' halts only to the account they were raised on.</summary>
    public static async Task<HaltStateResponse> ReadAsync(RiskContext db, Guid userId, string account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await db.Accounts.AsNoTracking()
            .Where(a => a.UserId == userId && (a.Account == account || a.Account == RiskAccounts.Paper))
            .ToListAsync(cancellationToken);
        var platform = await db.PlatformHalts.AsNoTracking().SingleOrDefaultAsync(h => h.Active, cancellationToken);
        return From(rows.SingleOrDefault(a => a.Account == account), rows.SingleOrDefault(a => a.Account == RiskAccounts.Paper), platform, now);
    }

    /// <param name="account">The account's row (its monitor halts).</param>
    /// <param name="user">The user's paper row (an administrator's halt of the user).</param>
    public static HaltStateResponse From(RiskAccount? account, RiskAccount? user, PlatformHalt? platform, DateTimeOffset now)
    {
        var halts = new List<HaltEntry>();
        if (platform is { Active: true })
        {
            halts.Add(new HaltEntry(HaltCodes.KillSwitch, platform.Reason ?? "Trading is halted for everyone by an administrator.", platform.ChangedAt, null, false));
        }

        if (user is { AdminHalted: true })
        {
            halts.Add(new HaltEntry(HaltCodes.KillSwitch, user.AdminHaltReason ?? "Halted by an administrator.", user.AdminHaltedAt, null, false));
        }

        if (account is not null)
        {
            if (account.DrawdownHalted)
            {
                halts.Add(new HaltEntry(RiskReasonCodes.Drawdown,
                    "Equity fell past the drawdown limit from its peak. Acknowledge and resume to trade again.", account.DrawdownHaltedAt, null, true));
            }

            if (account.IsDailyLossHaltActive(now))
            {
                halts.Add(new HaltEntry(RiskReasonCodes.DailyLoss,
                    "The day's loss reached the daily limit; opening orders resume at the next UTC session.", account.DailyLossHaltedAt,
                    RiskAccount.NextSession(now), false));
            }
        }

        return new HaltStateResponse(halts.Count > 0, halts);
    }
}
