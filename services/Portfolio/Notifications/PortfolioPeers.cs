using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TradeNova.Contracts.Portfolio;

namespace TradeNova.Portfolio.Notifications;

/// <summary>
/// The other Portfolio instances this one has heard from (<see cref="PortfolioInstanceOnline"/>), so that a fill applied
/// here reaches the owner's connections on every instance: over the bus while any other instance is running, directly
/// to this instance's own connections when it is alone (no publish, no delivery back to itself). Until
/// <see cref="PortfolioOptions.PeerGrace"/> has passed since start, an instance assumes others may be running.
/// </summary>
public sealed class PortfolioPeers(TimeProvider time, IOptions<PortfolioOptions> options)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _heard = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    /// <summary>This instance's id among the Portfolio instances.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N")[..8];

    /// <summary>True when this instance has been up for the grace period and heard from no other within the timeout.</summary>
    public bool Alone()
    {
        var now = time.GetUtcNow();
        if (now - _startedAt < options.Value.PeerGrace)
        {
            return false;
        }

        foreach (var (id, heard) in _heard)
        {
            if (now - heard <= options.Value.PeerTimeout)
            {
                return false;
            }

            _heard.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, heard));
        }

        return true;
    }

    /// <summary>Notes another instance's announcement. True when it should be answered at once (an instance heard from
    /// for the first time, or again after the timeout, that did not itself answer), so it knows of this one before its
    /// grace period ends.</summary>
    public bool Heard(PortfolioInstanceOnline online)
    {
        if (string.Equals(online.InstanceId, InstanceId, StringComparison.Ordinal))
        {
            return false;
        }

        var now = time.GetUtcNow();
        var known = _heard.TryGetValue(online.InstanceId, out var heard) && now - heard <= options.Value.PeerTimeout;
        _heard[online.InstanceId] = now;
        return !known && !online.Reply;
    }

    /// <summary>This instance's announcement.</summary>
    public PortfolioInstanceOnline Announcement(bool reply = false) => new(InstanceId, time.GetUtcNow(), reply);
}
