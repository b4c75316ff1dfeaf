using TradeNova.Trading.Indicators;

namespace TradeNova.Trading.Strategies.BuiltIn;

/// <summary>Long-only simple-moving-average crossover on one symbol. At each close of the symbol: update SMA(fast) and
/// SMA(slow) with the close; when SMA(fast) crosses above SMA(slow) (fast ≤ slow on the previous bar, fast &gt; slow now)
/// and the account is flat, buy with all the cash at market (<see cref="Orders.OrderSizing.AllCash"/>: the engine
/// fills it at the next bar's open, as many shares as the cash covers at that price); when it crosses below (fast ≥
/// slow before, fast &lt; slow now) and a position is held, sell the entire position at market. Nothing happens until
/// both averages are ready and have a previous value, and time steps without a bar of the symbol are skipped.</summary>
public sealed class SmaCrossoverStrategy : IStrategy
{
    private readonly string _symbol;
    private readonly SimpleMovingAverage _fast;
    private readonly SimpleMovingAverage _slow;
    private CrossDetector _cross;

    public SmaCrossoverStrategy(SmaCrossoverParameters parameters)
    {
        StrategyParameterException.ThrowIfInvalid(parameters);
        Parameters = parameters;
        _symbol = parameters.Symbol;
        _fast = new SimpleMovingAverage(parameters.FastPeriod);
        _slow = new SimpleMovingAverage(parameters.SlowPeriod);
        Symbols = [parameters.Symbol];
    }

    public SmaCrossoverParameters Parameters { get; }

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
                LongOnlyOrders.Enter(context, _symbol, "sma-cross-above");
                break;
            case CrossDirection.Below:
                LongOnlyOrders.Exit(context, _symbol, "sma-cross-below");
                break;
        }
    }
}
