namespace TradeNova.Execution.Market;

/// <summary>
/// The operators' price shocks in this instance's memory, as <see cref="PriceSimulator"/> applies them: per symbol, the
/// factor of the latest shock whose effective time has come. Every instance loads the same rows
/// (<see cref="MarketShockRefresher"/>) before they take effect, so prices stay a pure function of time across instances.
/// </summary>
public sealed class MarketShocks
{
    private volatile Step[][] _bySymbol = Empty();

    /// <summary>Id of the newest shock loaded (0 for none).</summary>
    public long LastId { get; private set; }

    public decimal FactorAt(int symbol, DateTimeOffset at)
    {
        var steps = _bySymbol[symbol];
        for (var i = steps.Length - 1; i >= 0; i--)
        {
            if (steps[i].EffectiveAt <= at)
            {
                return steps[i].Factor;
            }
        }

        return 1m;
    }

    /// <summary>Replaces what is loaded with <paramref name="shocks"/> (the whole table, any order).</summary>
    public void Load(IReadOnlyCollection<MarketShock> shocks)
    {
        var bySymbol = Empty();
        foreach (var group in shocks.GroupBy(s => s.Symbol, StringComparer.Ordinal))
        {
            if (SymbolUniverse.TryGetIndex(group.Key, out var index))
            {
                bySymbol[index] = [.. group.OrderBy(s => s.EffectiveAt).ThenBy(s => s.Id).Select(s => new Step(s.EffectiveAt, s.Factor))];
            }
        }

        _bySymbol = bySymbol;
        LastId = shocks.Count == 0 ? 0 : shocks.Max(s => s.Id);
    }

    private static Step[][] Empty() => [.. Enumerable.Range(0, SymbolUniverse.Count).Select(_ => Array.Empty<Step>())];

    private readonly record struct Step(DateTimeOffset EffectiveAt, decimal Factor);
}
