using TradeNova.Trading.Indicators;

namespace TradeNova.Trading.Strategies.BuiltIn;

/// <summary>Long-only exponential-moving-average crossover: the rules of <see cref="SmaCrossoverStrategy"/> with EMAs
/// (seeded with the SMA of their first values), which react faster to recent prices.</summary>
public sealed class EmaCrossoverStrategy : IStrategy
{
    private readonly string _symbol;
    private readonly ExponentialMovingAverage _fast;
    private readonly ExponentialMovingAverage _slow;
    private CrossDetector _cross;

    public EmaCrossoverStrategy(EmaCrossoverParameters parameters)
    {
        StrategyParameterException.ThrowIfInvalid(parameters);
        Parameters = parameters;
        _symbol = parameters.Symbol;
        _fast = new ExponentialMovingAverage(parameters.FastPeriod);
        _slow = new ExponentialMovingAverage(parameters.SlowPeriod);
        Symbols = [parameters.Symbol];
    }

    public EmaCrossoverParameters Parameters { get; }

    public IReadOnlyList<string> Symbols { get; }

    public void OnBar(IStrategyContext context)
    {
        if (!context.TryGetBar(_symbol, out var bar))
            return;

        var close = (double)bar.Close;
        _fast.Update(close);
        _slow.Update(close);
        if (!_slow.IsReady)
            return;

        switch (_cross.Update(_fast.Value, _slow.Value))
        {
            case CrossDirection.Above:
                LongOnlyOrders.Enter(context, _symbol, "ema-cross-above");
                break;
            case CrossDirection.Below:
                LongOnlyOrders.Exit(context, _symbol, "ema-cross-below");
                break;
        }
    }
}
