using System.Collections.Concurrent;

namespace TradeNova.Portfolio.Notifications;

/// <summary>The users connected to this instance's hub and the symbols they hold (in any of their portfolios), so quotes
/// go only to holders and notification work is skipped for users connected elsewhere.</summary>
public sealed class ConnectedAccounts
{
    private readonly ConcurrentDictionary<Guid, Account> _accounts = new();

    public void Connected(Guid userId)
    {
        var account = _accounts.GetOrAdd(userId, _ => new Account());
        lock (account)
        {
            account.Connections++;
        }
    }

    public void Disconnected(Guid userId)
    {
        if (!_accounts.TryGetValue(userId, out var account))
        {
            return;
        }

        lock (account)
        {
            account.Connections--;
            if (account.Connections <= 0)
            {
                _accounts.TryRemove(userId, out _);
            }
        }
    }

    public bool IsConnected(Guid userId) => _accounts.ContainsKey(userId);

    /// <summary>The symbols one of the user's portfolios (<paramref name="portfolio"/>: <c>paper</c> or <c>live</c>) holds
    /// now; quotes go for the union of them.</summary>
    public void Holdings(Guid userId, string portfolio, IEnumerable<string> heldSymbols)
    {
        if (_accounts.TryGetValue(userId, out var account))
        {
            lock (account)
            {
                account.Held[portfolio] = heldSymbols.Select(s => s.ToUpperInvariant()).ToHashSet(StringComparer.OrdinalIgnoreCase);
                account.Symbols = account.Held.Values.SelectMany(s => s).ToHashSet(StringComparer.OrdinalIgnoreCase);
            }
        }
    }

    public IReadOnlyList<(Guid UserId, IReadOnlySet<string> Symbols)> Snapshot() =>
        _accounts.Select(pair => (pair.Key, (IReadOnlySet<string>)pair.Value.Symbols)).ToList();

    private sealed class Account
    {
        public int Connections { get; set; }

        public HashSet<string> Symbols { get; set; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, HashSet<string>> Held { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
