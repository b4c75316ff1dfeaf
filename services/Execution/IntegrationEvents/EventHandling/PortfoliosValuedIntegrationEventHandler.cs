using MassTransit;
using TradeNova.Contracts.Portfolio;
using TradeNova.Execution.Strategies;

namespace TradeNova.Execution.IntegrationEvents.EventHandling;

/// <summary>The periodic pass's batch: every account's equity in one statement, each valuation applied as a single one would be.</summary>
public sealed class PortfoliosValuedIntegrationEventHandler(ExecutionDbContext db) : IConsumer<PortfoliosValued>
{
    public Task Consume(ConsumeContext<PortfoliosValued> context) =>
        AccountEquityUpsert.ApplyAsync(db, context.Message.Valuations, context.CancellationToken);
}
