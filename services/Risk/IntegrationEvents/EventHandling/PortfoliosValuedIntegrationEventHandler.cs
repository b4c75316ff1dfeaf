using MassTransit;
using TradeNova.Contracts.Portfolio;
using TradeNova.Risk.Monitoring;
using TradeNova.ServiceDefaults.Messaging.Inbox;
using TradeNova.ServiceDefaults.Messaging.Outbox;
using TradeNova.Trading.Risk;

namespace TradeNova.Risk.IntegrationEvents.EventHandling;

/// <summary>
/// The periodic pass's batch, applied as its single valuations would be (newer only, monitors on each), with a
/// statement per step for the whole batch instead of one per account: the accounts locked together (in key order),
/// their previous positions deleted together, their limits read together.
/// </summary>
public sealed class PortfoliosValuedIntegrationEventHandler(RiskContext db, IOutbox outbox)
    : InboxConsumer<RiskContext, PortfoliosValued>(db)
{
    protected override async Task HandleAsync(ConsumeContext<PortfoliosValued> context, CancellationToken cancellationToken)
    {
        using var activity = RiskTelemetry.ActivitySource.StartActivity("apply valuations");
        activity?.SetTag("tradenova.valuations", context.Message.Valuations.Count);
        var byAccount = context.Message.Valuations
            .Select(valued => (Valued: valued, Mode: RiskAccounts.Parse(valued.Mode)))
            .Where(v => v.Mode is not null)
            .GroupBy(v => v.Mode!)
            .ToList();
        var profiles = await LimitsAsync(context.Message.Valuations.Select(v => v.UserId).Distinct().ToArray(), cancellationToken);
        foreach (var group in byAccount)
        {
            var mode = group.Key;
            // The newest valuation of each account in the batch (a pass values a portfolio once; this only guards).
            var newest = group.GroupBy(v => v.Valued.UserId).Select(g => g.MaxBy(v => v.Valued.ValuedAt).Valued).ToList();
            var accounts = await Db.LockAccountsAsync([.. newest.Select(v => v.UserId)], mode, cancellationToken);
            var applied = newest.Where(v => ValuationReadModel.IsNewer(accounts[v.UserId], v)).ToList();
            if (applied.Count == 0)
            {
                continue;
            }

            var users = applied.Where(v => ValuationReadModel.HoldsEveryFill(accounts[v.UserId], v)).Select(v => v.UserId).ToArray();
            if (users.Length > 0)
            {
                await Db.Positions.Where(p => p.Account == mode && users.Contains(p.UserId)).ExecuteDeleteAsync(cancellationToken);
            }

            foreach (var valued in applied)
            {
                var limits = profiles.TryGetValue(valued.UserId, out var profile) ? profile : RiskLimits.PlatformDefaults;
                ValuationReadModel.Apply(Db, outbox, accounts[valued.UserId], valued, limits);
            }
        }
    }

    private async Task<Dictionary<Guid, RiskLimits>> LimitsAsync(Guid[] users, CancellationToken cancellationToken) =>
        (await Db.RiskProfiles.AsNoTracking().Where(p => users.Contains(p.UserId)).ToListAsync(cancellationToken))
        .ToDictionary(p => p.UserId, p => p.ToLimits());
}
