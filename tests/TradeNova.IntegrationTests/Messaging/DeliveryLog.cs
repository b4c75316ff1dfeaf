using System.Collections.Concurrent;
using MassTransit;

namespace TradeNova.IntegrationTests.Messaging;

/// <summary>Every delivery the bus finished (handled or skipped as duplicate), keyed by account id.</summary>
public sealed class DeliveryLog : IConsumeObserver
{
    private readonly ConcurrentQueue<(Guid AccountId, Guid? MessageId)> _deliveries = new();

    public IReadOnlyList<Guid?> MessageIdsFor(Guid accountId) =>
        [.. _deliveries.Where(d => d.AccountId == accountId).Select(d => d.MessageId)];

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        if (context.Message is TestAccountOpened opened)
        {
            _deliveries.Enqueue((opened.AccountId, context.MessageId));
        }

        return Task.CompletedTask;
    }

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}
