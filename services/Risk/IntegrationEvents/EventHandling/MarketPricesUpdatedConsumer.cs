using MassTransit;
using TradeNova.Contracts.Market;
using TradeNova.Risk.Checks;

namespace TradeNova.Risk.IntegrationEvents.EventHandling;

/// <summary>Keeps the symbol universe and last prices in memory. Bound to a per-instance temporary queue: every Risk
/// instance needs every price. Prices are not state (the newest wins), so no inbox.</summary>
public sealed class MarketPricesUpdatedConsumer(MarketPriceCache prices) : IConsumer<MarketPricesUpdated>
{
    public Task Consume(ConsumeContext<MarketPricesUpdated> context)
    {
        foreach (var price in context.Message.Prices)
        {
            if (price.Last > 0m)
            {
                prices.Set(price.Symbol.ToUpperInvariant(), price.Last, price.Timestamp);
            }
        }

        return Task.CompletedTask;
    }
}
