namespace TradeNova.Execution.Strategies;

/// <summary>
/// A run's own account, from the fills of its orders (bracket legs included) only: cash (allocation plus sells minus
/// buys minus fees), positions at average cost, realized P&amp;L. What the strategy's context reports, and its P&amp;L.
/// </summary>
public sealed class StrategyBook
{
    private readonly Dictionary<string, (decimal Quantity, decimal AveragePrice)> _positions = new(StringComparer.Ordinal);

    public StrategyBook(decimal allocation) => Cash = allocation;

    public decimal Cash { get; private set; }

    public decimal Realized { get; private set; }

    public decimal Fees { get; private set; }

    public IReadOnlyDictionary<string, (decimal Quantity, decimal AveragePrice)> Positions => _positions;

    /// <summary>Applies fills in the order they happened (average cost; a fill beyond the position flips it).</summary>
    public void Apply(string symbol, string side, decimal quantity, decimal price, decimal fee)
    {
        var signed = side == OrderSides.Buy ? quantity : -quantity;
        Cash -= signed * price + fee;
        Fees += fee;
        var (held, average) = _positions.GetValueOrDefault(symbol);
        if (held == 0m || Math.Sign(held) == Math.Sign(signed))
        {
            var total = held + signed;
            _positions[symbol] = (total, (held * average + signed * price) / total);
            return;
        }

        var closing = Math.Min(Math.Abs(held), Math.Abs(signed));
        Realized += closing * (price - average) * Math.Sign(held);
        var remaining = held + signed;
        _positions[symbol] = remaining == 0m ? (0m, 0m) : (remaining, Math.Sign(remaining) == Math.Sign(held) ? average : price);
    }

    public decimal Quantity(string symbol) => _positions.GetValueOrDefault(symbol).Quantity;

    /// <summary>Cash plus positions at <paramref name="mark"/> (a symbol without a mark at its average price).</summary>
    public decimal Equity(Func<string, decimal?> mark) =>
        Cash + _positions.Sum(p => p.Value.Quantity * (mark(p.Key) ?? p.Value.AveragePrice));
}
