using MassTransit;
using TradeNova.Contracts.Portfolio;
using TradeNova.Risk.Monitoring;
using TradeNova.ServiceDefaults.Messaging.Inbox;
using TradeNova.ServiceDefaults.Messaging.Outbox;
using TradeNova.Trading.Risk;

namespace TradeNova.Risk.IntegrationEvents.EventHandling;

/// <summary>Refreshes the read model of the valuation's account (paper or live: equity, cash, positions) and runs the
/// post-trade monitors on it (a halt they raise is that account's).
/// A valuation older than the one already applied is ignored (valuations carry state, not deltas).</summary>
public sealed class PortfolioValuedIntegrationEventHandler(RiskContext db, IOutbox outbox)
    : InboxConsumer<RiskContext, PortfolioValued>(db)
{
    protected override async Task HandleAsync(ConsumeContext<PortfolioValued> context, CancellationToken cancellationToken)
    {
        var valued = context.Message;
        if (RiskAccounts.Parse(valued.Mode) is not { } mode)
        {
            return;
        }

        using var activity = RiskTelemetry.ActivitySource.StartActivity("apply valuation");
        activity?.SetTag("tradenova.user_id", valued.UserId);
        var account = await Db.LockAccountAsync(valued.UserId, mode, cancellationToken);
        if (account.ValuedAt is { } applied && valued.ValuedAt < applied)
        {
            return;
        }

        account.PortfolioId = valued.PortfolioId;
        account.Cash = valued.Cash;
        account.Equity = valued.Equity;
        account.StartOfDayEquity = valued.StartOfDayEquity;
        account.PeakEquity = valued.PeakEquity;
        account.ValuedAt = valued.ValuedAt;

        await Db.Positions.Where(p => p.UserId == valued.UserId && p.Account == mode).ExecuteDeleteAsync(cancellationToken);
        foreach (var position in valued.Positions.Where(p => p.Quantity != 0m))
        {
            Db.Positions.Add(new RiskPosition
            {
                UserId = valued.UserId,
                Account = mode,
                Symbol = position.Symbol.ToUpperInvariant(),
                Quantity = position.Quantity,
                AverageCost = position.AverageCost,
                LastPrice = position.LastPrice,
            });
        }

        var profile = await Db.RiskProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == valued.UserId, cancellationToken);
        var limits = profile?.ToLimits() ?? RiskLimits.PlatformDefaults;
        PostTradeMonitor.Observe(account, limits, valued.ValuedAt, valued.Equity, valued.StartOfDayEquity, valued.PeakEquity, outbox);
    }
}
