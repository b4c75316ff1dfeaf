using System.Collections.Concurrent;
using MassTransit;
using TradeNova.Contracts.Execution;
using TradeNova.Contracts.Market;
using TradeNova.Contracts.Risk;

namespace TradeNova.IntegrationTests.Execution;

/// <summary>
/// A real MassTransit bus on the run's vhost standing in for Risk and for the services that listen to Execution: it
/// records what Execution publishes and, when given a policy, answers CheckOrderRisk like Risk would (a policy returning
/// null does not answer). Its queues are auto-delete, so once it stops nothing is bound and nobody answers.
/// </summary>
public sealed class ExecutionTestBus : IAsyncDisposable
{
    private readonly IBusControl _bus;
    private readonly ConcurrentQueue<ObservedMessage> _messages = new();

    private readonly ConcurrentQueue<bool> _riskRequestsPersistent = new();

    private ExecutionTestBus(Func<ConcurrentQueue<ObservedMessage>, ConcurrentQueue<bool>, IBusControl> create) =>
        _bus = create(_messages, _riskRequestsPersistent);

    public IReadOnlyCollection<ObservedMessage> Messages => _messages;

    /// <summary>For each CheckOrderRisk answered: whether RabbitMQ delivered it as a persistent message.</summary>
    public IReadOnlyCollection<bool> RiskRequestsPersistent => _riskRequestsPersistent;

    public static async Task<ExecutionTestBus> StartAsync(string amqpUri, Func<CheckOrderRisk, Task<OrderRiskChecked?>>? risk = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var bus = new ExecutionTestBus((messages, requestsPersistent) => Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            // MassTransit reads host, port, vhost and credentials from the AMQP URI itself.
            rabbit.Host(new Uri(amqpUri), _ => { });
            rabbit.ReceiveEndpoint($"execution-test-observer-{suffix}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<OrderFilled>(context =>
                {
                    // The order updates a fill carries are recorded as the OrderUpdated each stands for, as for OrdersUpdated.
                    foreach (var order in context.Message.OrderUpdates ?? [])
                    {
                        messages.Enqueue(new ObservedMessage(context.MessageId, order, DateTimeOffset.UtcNow));
                    }

                    return Record(messages, context);
                });
                endpoint.Handler<OrderUpdated>(context => Record(messages, context));
                endpoint.Handler<OrdersUpdated>(context =>
                {
                    // Recorded as the OrderUpdated each item stands for.
                    foreach (var order in context.Message.Orders)
                    {
                        messages.Enqueue(new ObservedMessage(context.MessageId, order, DateTimeOffset.UtcNow));
                    }

                    return Task.CompletedTask;
                });
                endpoint.Handler<OrderRejected>(context => Record(messages, context));
                endpoint.Handler<MarketPricesUpdated>(context => Record(messages, context));
            });
            if (risk is not null)
            {
                rabbit.ReceiveEndpoint($"execution-test-risk-{suffix}", endpoint =>
                {
                    endpoint.AutoDelete = true;
                    endpoint.Durable = false;
                    endpoint.Handler<CheckOrderRisk>(async context =>
                    {
                        if (context.ReceiveContext.TryGetPayload<RabbitMqBasicConsumeContext>(out var delivery))
                        {
                            requestsPersistent.Enqueue(delivery.Properties.Persistent);
                        }

                        if (await risk(context.Message) is { } answer)
                        {
                            await context.RespondAsync(answer);
                        }
                    });
                });
            }
        }));
        await bus._bus.StartAsync(TestContext.Current.CancellationToken);
        return bus;
    }

    /// <summary>Approves every order, attaching <paramref name="stopLoss"/>/<paramref name="takeProfit"/> as Risk's bracket.</summary>
    public static Func<CheckOrderRisk, Task<OrderRiskChecked?>> Approve(decimal? stopLoss = null, decimal? takeProfit = null) =>
        request => Task.FromResult<OrderRiskChecked?>(new OrderRiskChecked(
            request.UserId, request.OrderId, true, [], stopLoss ?? request.StopLossPrice, takeProfit ?? request.TakeProfitPrice, DateTimeOffset.UtcNow));

    public static OrderRiskChecked Reject(CheckOrderRisk request, params RiskViolation[] violations) =>
        new(request.UserId, request.OrderId, false, violations, null, null, DateTimeOffset.UtcNow);

    public Task PublishAsync<T>(T message)
        where T : class =>
        _bus.Publish(message, TestContext.Current.CancellationToken);

    public IEnumerable<T> Of<T>() => _messages.Select(m => m.Message).OfType<T>();

    public async ValueTask DisposeAsync() => await _bus.StopAsync(CancellationToken.None);

    private static Task Record<T>(ConcurrentQueue<ObservedMessage> messages, ConsumeContext<T> context)
        where T : class
    {
        messages.Enqueue(new ObservedMessage(context.MessageId, context.Message, DateTimeOffset.UtcNow));
        return Task.CompletedTask;
    }
}
