using MassTransit;
using TradeNova.Contracts.Portfolio;
using TradeNova.Risk.Monitoring;
using TradeNova.ServiceDefaults.Messaging.Inbox;
using TradeNova.ServiceDefaults.Messaging.Outbox;
using TradeNova.Trading.Risk;

namespace TradeNova.Risk.IntegrationEvents.EventHandling;

/// <summary>Refreshes the read model of the valuation's account (paper or live: equity, cash, positions) and runs the
/// post-trade monitors on it (a halt they raise is that account's).
/// A valuation older than the one already applied is ignored (valuations carry state, not deltas); one that lacks a fill
/// this account has already seen leaves its cash and positions alone.</summary>
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
        if (!ValuationReadModel.IsNewer(account, valued))
        {
            return;
        }

        if (ValuationReadModel.HoldsEveryFill(account, valued))
        {
            await Db.Positions.Where(p => p.UserId == valued.UserId && p.Account == mode).ExecuteDeleteAsync(cancellationToken);
        }

        var profile = await Db.RiskProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == valued.UserId, cancellationToken);
        ValuationReadModel.Apply(Db, outbox, account, valued, profile?.ToLimits() ?? RiskLimits.PlatformDefaults);
    }
}
