using MassTransit;

namespace TradeNova.IntegrationTests.Identity;

/// <summary>A bare MassTransit bus on the run's vhost that publishes what Billing would.</summary>
public sealed class BillingPublisher : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private BillingPublisher(IBusControl bus) => _bus = bus;

    public static async Task<BillingPublisher> StartAsync(string amqpUri)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(amqpUri), _ => { }));
        await bus.StartAsync(TestContext.Current.CancellationToken);
        return new BillingPublisher(bus);
    }

    public Task PublishAsync<T>(T message)
        where T : class =>
        _bus.Publish(message, TestContext.Current.CancellationToken);

    /// <summary>Publishes with a known message id, so a test can wait until the consumer's inbox recorded it.</summary>
    public Task PublishAsync<T>(T message, Guid messageId)
        where T : class =>
        _bus.Publish(message, context => context.MessageId = messageId, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _bus.StopAsync(CancellationToken.None);
}
