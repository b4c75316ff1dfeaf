using TradeNova.Contracts.Risk;
using TradeNova.Risk.Apis;

namespace TradeNova.Risk.Halts;

/// <summary>The halts in force for a user, as the API and the SPA banner show them.</summary>
public static class HaltStateReader
{
    public static async Task<HaltStateResponse> ReadAsync(RiskContext db, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        var platform = await db.PlatformHalts.AsNoTracking().SingleOrDefaultAsync(h => h.Active, cancellationToken);
        return From(account, platform, now);
    }

    public static HaltStateResponse From(RiskAccount? account, PlatformHalt? platform, DateTimeOffset now)
    {
        var halts = new List<HaltEntry>();
        if (platform is { Active: true })
        {
            halts.Add(new HaltEntry(HaltCodes.KillSwitch, platform.Reason ?? "Trading is halted for everyone by an administrator.", platform.ChangedAt, null, false));
        }

        if (account is not null)
        {
            if (account.AdminHalted)
            {
                halts.Add(new HaltEntry(HaltCodes.KillSwitch, account.AdminHaltReason ?? "Halted by an administrator.", account.AdminHaltedAt, null, false));
            }

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
