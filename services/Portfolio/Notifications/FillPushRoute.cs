using TradeNova.Contracts.Portfolio;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.Portfolio.Notifications;

/// <summary>
/// How a fill's <see cref="PortfolioFillApplied"/> reaches the owner's screens, decided when it is staged (one per
/// consume scope): over the bus after commit (<see cref="IOutbox.Notify{T}"/>) while other Portfolio instances run,
/// since the owner may be connected to any of them; directly to this instance's connections after commit when it is
/// alone (<see cref="PortfolioPeers.Alone"/>). Either way it is a notification, at most once: the screens read the durable
/// state again when they reconnect.
/// </summary>
public sealed partial class FillPushRoute(IOutbox outbox, PortfolioPeers peers, AccountPushes pushes, ILogger<FillPushRoute> logger)
{
    private readonly List<PortfolioFillApplied> _local = [];

    public void Stage(PortfolioFillApplied applied)
    {
        if (peers.Alone())
        {
            _local.Add(applied);
        }
        else
        {
            outbox.Notify(applied);
        }
    }

    /// <summary>Forgets what an attempt that did not commit staged.</summary>
    public void Discard() => _local.Clear();

    /// <summary>Pushes what was staged for this instance's connections; call once the transaction committed.</summary>
    public async Task PushCommittedAsync(CancellationToken cancellationToken)
    {
        foreach (var applied in _local)
        {
            try
            {
                await pushes.FillAppliedAsync(applied, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogPushFailed(ex, applied.Fill.FillId);
            }
        }

        _local.Clear();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing applied fill {FillId} to this instance's connections failed")]
    private partial void LogPushFailed(Exception exception, Guid fillId);
}
