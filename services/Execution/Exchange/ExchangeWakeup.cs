namespace TradeNova.Execution.Exchange;

/// <summary>
/// Wakes this instance's paper exchange when an order was just accepted, so a market order meets the price prevailing
/// right after its acceptance instead of waiting out the tick interval. Notifications while a wake is pending merge.
/// </summary>
public sealed class ExchangeWakeup
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        if (_pending.CurrentCount > 0)
        {
            return;
        }

        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another notification got there first: one wake is pending, which is all that is needed.
        }
    }

    /// <summary>True when notified, false after <paramref name="timeout"/>.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);
}
