using TradeNova.Trading.Broker;
using TradeNova.Trading.Costs;
using TradeNova.Trading.Data;
using TradeNova.Trading.Numerics;
using TradeNova.Trading.Results;
using TradeNova.Trading.Risk;
using TradeNova.Trading.Statistics;
using TradeNova.Trading.Strategies;

namespace TradeNova.Trading.Engine;

/// <summary>The state and loop of one backtest. It is also the strategy's context: one instance per run, so a time
/// step allocates nothing. The loop at each time step, in this order: (a) pending orders fill against this step's bar
/// of their symbol, (b) positions are marked at the latest closes, (c) the risk monitors see the new equity, (d) the
/// strategy runs and (e) its orders pass the pre-trade risk rules into the queue for a later bar.</summary>
internal sealed partial class BacktestRun : IStrategyContext, IIndexedStrategyContext
{
    private readonly IStrategy _strategy;
    private readonly BacktestOptions _options;
    private readonly RiskLimits _limits;
    private readonly RiskMonitor _monitor;
    private readonly ICommissionModel _commission;
    private readonly ISlippageModel _slippage;
    private readonly decimal _increment;
    private readonly string[] _symbols;
    private readonly Bar[][] _bars;
    private readonly int[][] _barIndex;
    private readonly DateTimeOffset[] _timeline;
    private readonly long[] _utcDay;
    private readonly int[] _dayIndex;
    private readonly PositionLedger[] _positions;
    private readonly double[][] _closes;
    private readonly MarketDataSet _data;
    private readonly IndicatorColumns? _columns;
    private readonly long[][] _closeMantissas;
    private readonly byte[][] _closeScales;
    private readonly bool _closesFitIntegers;
    private readonly int[] _uniformCloseScale;
    private readonly long[] _largestCloseMantissa;

    /// <summary>The one symbol held, when only one is and its marked value provably fits 64 bits at one scale for every
    /// close of its series (see <see cref="PrepareSingleMarking"/>); -1 otherwise.</summary>
    private int _singleHeld = -1;
    private long _singleCash;
    private long _singleQuantity;
    private int _singleScale;

    /// <summary>Index of each symbol's latest bar (-1 before its first): the latest close without copying it.</summary>
    private readonly int[] _lastIndex;

    /// <summary>Each position as a scaled integer (0 when flat), kept in step with the ledger at every fill.</summary>
    private readonly long[] _quantityMantissa;
    private readonly int[] _quantityScale;
    private readonly int[] _pendingStrategyOrders;
    private readonly List<PendingOrder> _pending = [];
    private readonly Stack<PendingOrder> _freeOrders = new();
    private readonly bool _zeroSlippage;
    private readonly bool _zeroCommission;

    /// <summary>No rule can reject or change an order (every limit null): buys skip the size estimate and the check.</summary>
    private readonly bool _riskOff;
    private readonly List<Fill> _fills = [];
    private readonly List<ClosedTrade> _trades = [];
    private readonly List<RejectedOrder> _rejections = [];
    private readonly decimal[] _dailyEquity;
    private readonly DateTimeOffset[] _dayCloseTimes;
    private int _step;
    private long _nextOrderId = 1;
    private decimal _cash;
    private decimal _equity;
    private decimal _fees;
    private long _cashMantissa;
    private int _cashScale;

    /// <summary>True while cash and every position fit scaled 64-bit integers (see <see cref="MarkPositions"/>).</summary>
    private bool _integerMarking;
    private int _openPositions;
    private int _barsInMarket;
    private RiskHaltStatus _halt;

    public BacktestRun(IStrategy strategy, MarketDataSet data, BacktestOptions options, IndicatorColumns? columns = null)
    {
        _strategy = strategy;
        _columns = columns;
        _options = options;
        _limits = options.Risk;
        _commission = options.Commission;
        _slippage = options.Slippage;
        _zeroSlippage = ReferenceEquals(_slippage, ZeroSlippage.Instance);
        _zeroCommission = ReferenceEquals(_commission, ZeroCommission.Instance);
        _increment = options.QuantityIncrement;
        _riskOff = _limits is { MaxPositionFraction: null, MaxOpenPositions: null, DailyLossFraction: null, MaxDrawdownFraction: null, DefaultStopLoss: null, DefaultTakeProfit: null };
        _symbols = data.Symbols;
        _bars = data.Bars;
        _barIndex = data.BarIndex;
        _timeline = data.Timeline;
        _utcDay = data.UtcDay;
        _dayIndex = data.DayIndex;
        _positions = new PositionLedger[_symbols.Length];
        for (var s = 0; s < _symbols.Length; s++)
        {
            _positions[s] = new PositionLedger(_symbols[s]);
        }

        _closes = data.Closes;
        _data = data;
        _closeMantissas = data.CloseMantissas;
        _closeScales = data.CloseScales;
        _closesFitIntegers = data.ClosesFitIntegers;
        _uniformCloseScale = data.UniformCloseScale;
        _largestCloseMantissa = data.LargestCloseMantissa;
        _lastIndex = new int[_symbols.Length];
        Array.Fill(_lastIndex, -1);
        _quantityMantissa = new long[_symbols.Length];
        _quantityScale = new int[_symbols.Length];
        _pendingStrategyOrders = new int[_symbols.Length];
        _dailyEquity = new decimal[data.DayCount];
        _dayCloseTimes = data.DayCloseTimes;
        _cash = options.InitialCash;
        _equity = options.InitialCash;
        RefreshIntegerMarking();
        _monitor = new RiskMonitor(_limits, options.InitialCash);
    }

    public BacktestResult Execute()
    {
        var symbolCount = _symbols.Length;
        var monitorActive = _monitor.IsActive;
        var strategy = _strategy;
        var barIndex = _barIndex;
        var lastIndex = _lastIndex;
        var dailyEquity = _dailyEquity;
        var dayIndex = _dayIndex;
        var timeline = _timeline;
        for (var t = 0; t < timeline.Length; t++)
        {
            _step = t;
            if (_pending.Count != 0)
            {
                FillPendingOrders(t);
            }

            for (var s = 0; s < symbolCount; s++)
            {
                var index = barIndex[s][t];
                if (index >= 0)
                {
                    lastIndex[s] = index;
                }
            }

            decimal equity;
            if (_openPositions == 0)
            {
                equity = _cash;
            }
            else
            {
                _barsInMarket++;
                var single = _singleHeld;
                equity = single >= 0
                    ? ScaledDecimal.Compose(_singleCash + _singleQuantity * _closeMantissas[single][lastIndex[single]], _singleScale)
                    : MarkPositions();
            }

            _equity = equity;
            // Written at every step of a date, so the last step of the date stays: a daily curve without a division.
            dailyEquity[dayIndex[t]] = equity;
            if (monitorActive)
            {
                _halt = _monitor.ObserveOnDay(_utcDay[t], equity);
            }

            strategy.OnBar(this);
        }

        return BuildResult();
    }

    private List<UnfilledOrder> UnfilledOrders()
    {
        var unfilled = new List<UnfilledOrder>();
        foreach (var order in _pending)
        {
            if (!order.IsDone)
            {
                unfilled.Add(new UnfilledOrder(
                    order.Id,
                    order.Request,
                    order.IsBracket,
                    order.IsBracket ? order.BracketQuantity : null,
                    order.StopLossPrice,
                    order.TakeProfitPrice));
            }
        }

        return unfilled;
    }

    private BacktestResult BuildResult()
    {
        var open = new List<OpenPosition>();
        for (var s = 0; s < _symbols.Length; s++)
        {
            var position = _positions[s];
            if (position.Quantity != 0m)
            {
                open.Add(new OpenPosition(_symbols[s], position.Quantity, position.AverageEntryPrice, LastClose(s)));
            }
        }

        var equityCurve = new DailyEquityCurve(_dayCloseTimes, _dailyEquity);
        var trades = _trades.AsReadOnly();
        var statistics = _options.ComputeStatistics
            ? PerformanceStatistics.Compute(new StatisticsInput(equityCurve, trades, _fees, _barsInMarket, _timeline.Length, _options.Benchmark))
            : null;
        return new BacktestResult(
            _options.InitialCash,
            _cash,
            _equity,
            _fees,
            _barsInMarket,
            _timeline.Length,
            _fills.AsReadOnly(),
            trades,
            equityCurve,
            _rejections.AsReadOnly(),
            open,
            UnfilledOrders(),
            statistics);
    }
}
