using System.Threading.Channels;

namespace TradeNova.Execution.Brokers.Alpaca.Live;

/// <summary>
/// Hands accepted live orders to <see cref="AlpacaOrderSubmitter"/> at once instead of at its next sweep. Only a hint:
/// the order table is the queue, so a hint lost in a crash is found by the sweep.
/// </summary>
public sealed class AlpacaSubmissionQueue
{
    private readonly Channel<Guid> _orders = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid orderId) => _orders.Writer.TryWrite(orderId);

    /// <summary>The next hinted order, or null when <paramref name="timeout"/> passes first.</summary>
    public async Task<Guid?> NextAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (_orders.Reader.TryRead(out var ready))
        {
            return ready;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            return await _orders.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
