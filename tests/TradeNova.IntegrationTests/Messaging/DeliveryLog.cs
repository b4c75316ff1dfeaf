using System.Collections.Concurrent;
using MassTransit;

namespace TradeNova.IntegrationTests.Messaging;

/// <summary>Every delivery the bus finished (handled or skipped as duplicate), and every failed attempt, keyed by account id.</summary>
public sealed class DeliveryLog : IConsumeObserver
{
    private readonly ConcurrentQueue<(Guid AccountId, Guid? MessageId)> _deliveries = new();

    public IReadOnlyList<Guid?> MessageIdsFor(Guid accountId) =>
        [.. _deliveries.Where(d => d.AccountId == accountId).Select(d => d.MessageId)];

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        if (AccountOf(context.Message) is { } accountId)
        {
            _deliveries.Enqueue((accountId, context.MessageId));
        }

        return Task.CompletedTask;
    }

    /// <summary>Every failed attempt, keyed by account id.</summary>
    public int FaultsFor(Guid accountId) => _faults.Count(id => id == accountId);

    private readonly ConcurrentQueue<Guid> _faults = new();

    private static Guid? AccountOf(object message) => message switch
    {
        TestAccountOpened opened => opened.AccountId,
        TestAccountRenamed renamed => renamed.AccountId,
        _ => null,
    };

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class
    {
        if (AccountOf(context.Message) is { } accountId)
        {
            _faults.Enqueue(accountId);
        }

        return Task.CompletedTask;
    }
}
