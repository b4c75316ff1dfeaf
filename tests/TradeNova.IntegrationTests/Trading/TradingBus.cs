using MassTransit;
using TradeNova.Contracts.Market;
using TradeNova.Contracts.Risk;

namespace TradeNova.IntegrationTests.Trading;

/// <summary>
/// A bare MassTransit bus on the run's vhost standing in for Execution and the price service: it publishes the shared
/// contracts (OrderFilled, MarketPricesUpdated, PortfolioValued, ...) and asks Risk with a real request client.
/// </summary>
public sealed class TradingBus : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private TradingBus(IBusControl bus) => _bus = bus;

    public static async Task<TradingBus> StartAsync(string amqpUri)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(amqpUri), _ => { }));
        await bus.StartAsync(TestContext.Current.CancellationToken);
        return new TradingBus(bus);
    }

    public Task PublishAsync<T>(T message, Guid? messageId = null)
        where T : class =>
        _bus.Publish(message, context =>
        {
            if (messageId is { } id)
            {
                context.MessageId = id;
            }
        }, TestContext.Current.CancellationToken);

    /// <summary>Sends straight to one service's queue (for example <c>risk-order-filled-integration-event-handler</c>), so
    /// only that service sees the message.</summary>
    public async Task SendAsync<T>(string queue, T message, Guid? messageId = null)
        where T : class
    {
        var endpoint = await _bus.GetSendEndpoint(new Uri($"queue:{queue}"));
        await endpoint.Send(message, context =>
        {
            if (messageId is { } id)
            {
                context.MessageId = id;
            }
        }, TestContext.Current.CancellationToken);
    }

    public Task PricesAsync(params (string Symbol, decimal Last)[] prices) =>
        PublishAsync(new MarketPricesUpdated(
            prices.Select(p => new MarketPrice(p.Symbol, p.Last, p.Last - 0.01m, p.Last + 0.01m, p.Last, DateTimeOffset.UtcNow)).ToList(),
            "simulated",
            DateTimeOffset.UtcNow));

    public async Task<OrderRiskChecked> CheckAsync(CheckOrderRisk check)
    {
        var client = _bus.CreateRequestClient<CheckOrderRisk>(RequestTimeout.After(s: 20));
        var response = await client.GetResponse<OrderRiskChecked>(check, TestContext.Current.CancellationToken);
        return response.Message;
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync(CancellationToken.None);
}
