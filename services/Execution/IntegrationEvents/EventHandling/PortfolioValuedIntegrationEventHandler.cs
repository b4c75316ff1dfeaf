using MassTransit;
using TradeNova.Contracts.Portfolio;
using TradeNova.Execution.Strategies;

namespace TradeNova.Execution.IntegrationEvents.EventHandling;

/// <summary>
/// Keeps each account's latest equity (a strategy's allocation may not exceed it). No inbox: the upsert only ever moves
/// a row to a newer valuation, so a redelivery or an older valuation arriving late changes nothing, and the one
/// statement commits on its own.
/// </summary>
public sealed class PortfolioValuedIntegrationEventHandler(ExecutionDbContext db) : IConsumer<PortfolioValued>
{
    public Task Consume(ConsumeContext<PortfolioValued> context) =>
        AccountEquityUpsert.ApplyAsync(db, [context.Message], context.CancellationToken);
}
