using TradeNova.Trading.Broker;
using TradeNova.Trading.Costs;
using TradeNova.Trading.Data;
using TradeNova.Trading.Results;
using TradeNova.Trading.Risk;
using TradeNova.Trading.Statistics;
using TradeNova.Trading.Strategies;

namespace TradeNova.Trading.Engine;

/// <summary>The state and loop of one backtest. It is also the strategy's context: one instance per run, so a time
/// step allocates nothing. The loop at each time step, in this order: (a) pending orders fill against this step's bar
/// of their symbol, (b) positions are marked at the latest closes, (c) the risk monitors see the new equity, (d) the
/// strategy runs and (e) its orders pass the pre-trade risk rules into the queue for a later bar.</summary>
internal sealed partial class BacktestRun : IStrategyContext
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
    private readonly decimal[] _lastClose;
    private readonly bool[] _hasPrice;
    private readonly int[] _pendingStrategyOrders;
    private readonly List<PendingOrder> _pending = [];
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
    private int _openPositions;
    private int _barsInMarket;
    private RiskHaltStatus _halt;

    public BacktestRun(IStrategy strategy, MarketDataSet data, BacktestOptions options)
    {
        _strategy = strategy;
        _options = options;
        _limits = options.Risk;
        _commission = options.Commission;
        _slippage = options.Slippage;
        _increment = options.QuantityIncrement;
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

        _lastClose = new decimal[_symbols.Length];
        _hasPrice = new bool[_symbols.Length];
        _pendingStrategyOrders = new int[_symbols.Length];
        _dailyEquity = new decimal[data.DayCount];
        _dayCloseTimes = data.DayCloseTimes;
        _cash = options.InitialCash;
        _equity = options.InitialCash;
        _monitor = new RiskMonitor(_limits, options.InitialCash);
    }

    public BacktestResult Execute()
    {
        var symbolCount = _symbols.Length;
        var monitorActive = _monitor.IsActive;
        for (var t = 0; t < _timeline.Length; t++)
        {
            _step = t;
            if (_pending.Count != 0)
            {
                FillPendingOrders(t);
            }

            for (var s = 0; s < symbolCount; s++)
            {
                var index = _barIndex[s][t];
                if (index >= 0)
                {
                    _lastClose[s] = _bars[s][index].Close;
                    _hasPrice[s] = true;
                }
            }

            var equity = _cash;
            if (_openPositions != 0)
            {
                _barsInMarket++;
                for (var s = 0; s < symbolCount; s++)
                {
                    var quantity = _positions[s].Quantity;
                    if (quantity != 0m)
                    {
                        equity += quantity * _lastClose[s];
                    }
                }
            }

            _equity = equity;
            // Written at every step of a date, so the last step of the date stays: a daily curve without a division.
            _dailyEquity[_dayIndex[t]] = equity;
            if (monitorActive)
            {
                _halt = _monitor.ObserveOnDay(_utcDay[t], equity);
            }

            _strategy.OnBar(this);
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
                open.Add(new OpenPosition(_symbols[s], position.Quantity, position.AverageEntryPrice, _lastClose[s]));
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
