using TradeNova.Trading.Orders;

namespace TradeNova.Trading.Strategies.BuiltIn;

/// <summary>Cross-sectional momentum rotation, long only. Every symbol keeps its last N + 1 closes (N =
/// <see cref="MomentumRotationParameters.LookbackDays"/>), so its N-bar return is close_t / close_(t-N) - 1. On a
/// rebalance step, the symbols that have a bar now and N + 1 closes are ranked by that return (ties by symbol, for
/// determinism) and the top K are the targets: held symbols that dropped out are sold entirely (submitted first, so an
/// engine filling in submission order frees their cash before the buys), and targets not yet held are bought with 1/K
/// of equity each. Holdings that stay in the top K are left as they are (no resizing), and symbols without a bar on a
/// rebalance step are left untouched. The first rebalance happens as soon as K symbols can be ranked, then every M
/// steps (M = <see cref="MomentumRotationParameters.RebalanceEveryDays"/>).</summary>
public sealed class MomentumRotationStrategy : IStrategy
{
    private readonly Dictionary<string, CloseHistory> _histories;
    private readonly OrderSizing _slice;
    private readonly List<(string Symbol, double Return)> _ranking = [];
    private int _stepsSinceRebalance;
    private bool _started;

    public MomentumRotationStrategy(MomentumRotationParameters parameters)
    {
        StrategyParameterException.ThrowIfInvalid(parameters);
        Parameters = parameters;
        Symbols = [.. parameters.Symbols];
        _histories = Symbols.ToDictionary(s => s, _ => new CloseHistory(parameters.LookbackDays + 1), StringComparer.Ordinal);
        _slice = OrderSizing.PercentOfEquity(1m / parameters.TopCount);
    }

    public MomentumRotationParameters Parameters { get; }

    public IReadOnlyList<string> Symbols { get; }

    /// <summary>The targets chosen at the latest rebalance, best first (for display and tests).</summary>
    public IReadOnlyList<string> CurrentTargets { get; private set; } = [];

    public void OnBar(IStrategyContext context)
    {
        _ranking.Clear();
        foreach (var symbol in Symbols)
        {
            if (!context.TryGetBar(symbol, out var bar))
                continue;
            var history = _histories[symbol];
            history.Add((double)bar.Close);
            if (history.IsFull)
                _ranking.Add((symbol, history.Newest / history.Oldest - 1.0));
        }

        _stepsSinceRebalance++;
        var due = _started ? _stepsSinceRebalance >= Parameters.RebalanceEveryDays : _ranking.Count >= Parameters.TopCount;
        if (!due)
            return;

        _started = true;
        _stepsSinceRebalance = 0;
        Rebalance(context);
    }

    private void Rebalance(IStrategyContext context)
    {
        _ranking.Sort(static (a, b) => b.Return != a.Return ? b.Return.CompareTo(a.Return) : string.CompareOrdinal(a.Symbol, b.Symbol));
        var targets = _ranking.Take(Parameters.TopCount).Select(r => r.Symbol).ToArray();
        CurrentTargets = targets;

        foreach (var (symbol, _) in _ranking)
        {
            if (!targets.Contains(symbol))
                LongOnlyOrders.Exit(context, symbol, "momentum-dropped");
        }
        foreach (var symbol in targets)
            LongOnlyOrders.Enter(context, symbol, _slice, "momentum-top");
    }
}
