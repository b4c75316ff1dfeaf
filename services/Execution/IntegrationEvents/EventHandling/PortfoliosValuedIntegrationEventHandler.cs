using MassTransit;
using TradeNova.Contracts.Portfolio;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.Execution.IntegrationEvents.EventHandling;

/// <summary>The periodic pass's batch: every account's equity in one read and one save, each valuation applied as a single one.</summary>
public sealed class PortfoliosValuedIntegrationEventHandler(ExecutionDbContext db) : InboxConsumer<ExecutionDbContext, PortfoliosValued>(db)
{
    protected override async Task HandleAsync(ConsumeContext<PortfoliosValued> context, CancellationToken cancellationToken)
    {
        var users = context.Message.Valuations.Select(v => v.UserId).Distinct().ToList();
        var known = await Db.AccountEquities.Where(a => users.Contains(a.UserId)).ToListAsync(cancellationToken);
        foreach (var valued in context.Message.Valuations)
        {
            PortfolioValuedIntegrationEventHandler.Apply(Db, known, valued);
        }
    }
}
