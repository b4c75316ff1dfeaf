using System.Runtime.CompilerServices;
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
    private const string EntryTag = "sma-cross-above";
    private const string ExitTag = "sma-cross-below";
    private readonly string _symbol;
    private readonly SimpleMovingAverage _fast;
    private readonly SimpleMovingAverage _slow;
    private readonly Orders.OrderRequest _entry;
    private readonly Orders.OrderRequest _exit;
    private CrossDetector _cross;
    private IStrategyContext? _boundContext;
    private IIndexedStrategyContext? _indexed;
    private sbyte[]? _signals;
    private int _symbolIndex = -1;

    public SmaCrossoverStrategy(SmaCrossoverParameters parameters)
    {
        StrategyParameterException.ThrowIfInvalid(parameters);
        Parameters = parameters;
        _symbol = parameters.Symbol;
        _fast = new SimpleMovingAverage(parameters.FastPeriod);
        _slow = new SimpleMovingAverage(parameters.SlowPeriod);
        Symbols = [parameters.Symbol];
        _entry = LongOnlyOrders.EntryRequest(_symbol, EntryTag);
        _exit = LongOnlyOrders.ExitRequest(_symbol, ExitTag);
    }

    public SmaCrossoverParameters Parameters { get; }

    public IReadOnlyList<string> Symbols { get; }

    public void OnBar(IStrategyContext context)
    {
        if (!ReferenceEquals(context, _boundContext))
            Bind(context);

        var indexed = _indexed;
        if (indexed is not null)
        {
            var barIndex = indexed.CurrentBarIndex(_symbolIndex);
            if (barIndex < 0)
                return;
            switch ((CrossDirection)_signals![barIndex])
            {
                case CrossDirection.Above:
                    LongOnlyOrders.Enter(context, indexed, _symbolIndex, _entry);
                    break;
                case CrossDirection.Below:
                    LongOnlyOrders.Exit(context, indexed, _symbolIndex, _exit);
                    break;
            }

            return;
        }

        OnBarByName(context);
    }

    /// <summary>Any other context: the bar by symbol and both averages updated bar by bar. Kept out of
    /// <see cref="OnBar"/> so the engine's per-bar path does not carry (and clear) a <see cref="Data.Bar"/> it never reads.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void OnBarByName(IStrategyContext context)
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
                LongOnlyOrders.Enter(context, _symbol, EntryTag);
                break;
            case CrossDirection.Below:
                LongOnlyOrders.Exit(context, _symbol, ExitTag);
                break;
        }
    }

    /// <summary>Looks the symbol up once per context (a run), not once per bar. In the engine the strategy sees the
    /// symbol's whole close column, so it computes both averages and their crossings for every bar in one pass
    /// (<see cref="CrossSignals"/>: the same doubles as updating bar by bar, each from closes up to its own bar) and
    /// then only reads the signal of the current bar.</summary>
    private void Bind(IStrategyContext context)
    {
        _boundContext = context;
        _indexed = null;
        if (context is IIndexedStrategyContext indexed && indexed.SymbolIndex(_symbol) is >= 0 and var index)
        {
            _indexed = indexed;
            _symbolIndex = index;
            _signals = indexed.MovingAverageCrossSignals(index, Parameters.FastPeriod, Parameters.SlowPeriod);
        }
    }
}
