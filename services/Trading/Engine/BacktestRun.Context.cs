using TradeNova.Trading.Broker;
using TradeNova.Trading.Data;
using TradeNova.Trading.Orders;
using TradeNova.Trading.Risk;
using TradeNova.Trading.Strategies;

namespace TradeNova.Trading.Engine;

/// <summary>The strategy-facing side of a run: read access to the current step only, and order submission through the
/// same validation and pre-trade risk rules the live services use.</summary>
internal sealed partial class BacktestRun
{
    public DateTimeOffset Time => _timeline[_step];

    public decimal Cash => _cash;

    public decimal Equity => _equity;

    public bool TryGetBar(string symbol, out Bar bar)
    {
        var s = Find(symbol);
        if (s >= 0)
        {
            var index = _barIndex[s][_step];
            if (index >= 0)
            {
                bar = _bars[s][index];
                return true;
            }
        }

        bar = default;
        return false;
    }

    public decimal PositionQuantity(string symbol)
    {
        var s = Find(symbol);
        return s < 0 ? 0m : _positions[s].Quantity;
    }

    /// <summary>Counts the strategy's own entry and exit orders, not the resting bracket legs: a strategy that waits
    /// for "no pending order" before acting on a signal must still be able to exit a protected position.</summary>
    public bool HasPendingOrder(string symbol)
    {
        var s = Find(symbol);
        return s >= 0 && _pendingStrategyOrders[s] > 0;
    }

    public void CancelOrders(string symbol)
    {
        var s = Find(symbol);
        if (s < 0)
        {
            return;
        }

        foreach (var order in _pending)
        {
            if (order.SymbolIndex == s)
            {
                order.IsDone = true;
            }
        }

        _pendingStrategyOrders[s] = 0;
        RemoveDone();
    }

    public int SymbolIndex(string symbol) => Find(symbol);

    public sbyte[] MovingAverageCrossSignals(int symbolIndex, int fastPeriod, int slowPeriod) =>
        _columns is { } columns
            ? CrossSignals.OfColumns(columns.SimpleMovingAverage(symbolIndex, fastPeriod), columns.SimpleMovingAverage(symbolIndex, slowPeriod), slowPeriod)
            : CrossSignals.OfMovingAverages(_closes[symbolIndex], _data.CloseTicks(symbolIndex), fastPeriod, slowPeriod);

    public int CurrentBarIndex(int symbolIndex) => _barIndex[symbolIndex][_step];

    public decimal PositionQuantity(int symbolIndex) => _positions[symbolIndex].Quantity;

    public bool HasPendingOrder(int symbolIndex) => _pendingStrategyOrders[symbolIndex] > 0;

    public void Submit(OrderRequest order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var s = Find(order.Symbol);
        if (s < 0)
        {
            Reject(0, order, OrderRejectionCodes.UnknownSymbol, $"Symbol {order.Symbol} is not in this backtest's data.");
            return;
        }

        if (Validate(order) is { } problem)
        {
            Reject(0, order, problem.Code, problem.Message);
            return;
        }

        if (_lastIndex[s] < 0)
        {
            Reject(0, order, OrderRejectionCodes.NoPrice, $"{order.Symbol} has no bar yet, so the order cannot be checked.");
            return;
        }

        var position = _positions[s].Quantity;
        if (order.Sizing.Mode == SizingMode.EntirePosition)
        {
            // It closes exactly what is held: never opening and never short, so every rule approves it (halts keep
            // closing orders open) and the bracket policy adds nothing.
            if (ClosableQuantity(order.Side, position) == 0m)
            {
                Reject(0, order, OrderRejectionCodes.NothingToClose, $"There is no {order.Symbol} position that a {order.Side} order closes.");
            }
            else
            {
                Accept(s, order);
            }

            return;
        }

        if (_riskOff && order.Side == OrderSide.Buy && position >= 0m)
        {
            // Nothing can reject or change this order: a buy from flat or long cannot go short, and with every limit
            // off the check approves and the bracket policy adds nothing, whatever the estimated size.
            Accept(s, order);
            return;
        }

        var referencePrice = LastClose(s);
        var quantity = EstimateQuantity(order, referencePrice, position);
        var proposed = new ProposedOrder(order.Symbol, order.Side, quantity, referencePrice, position);
        if (!_options.AllowShortSelling && proposed.ResultingPosition < 0m)
        {
            Reject(0, order, OrderRejectionCodes.ShortSellingDisabled, $"Selling {quantity} {order.Symbol} would leave a short position; short selling is off.");
            return;
        }

        var decision = PreTradeRiskCheck.Evaluate(_limits, new AccountSnapshot(_equity, _openPositions, _halt), proposed);
        if (!decision.IsApproved)
        {
            Reject(0, order, decision.Code!, decision.Message!);
            return;
        }

        Accept(s, DefaultBracketPolicy.Apply(_limits, order, proposed.IsOpening));
    }

    private void Accept(int s, OrderRequest order)
    {
        _pending.Add(RentOrder(s, order));
        _pendingStrategyOrders[s]++;
    }

    /// <summary>The quantity the risk rules judge: sizes resolved at the fill are estimated at the latest close.</summary>
    private decimal EstimateQuantity(OrderRequest order, decimal referencePrice, decimal position) => order.Sizing.Mode switch
    {
        SizingMode.Shares => order.Sizing.Value,
        SizingMode.PercentOfEquity => RoundDown(order.Sizing.Value * _equity, referencePrice),
        SizingMode.AllCash => RoundDown(_cash, referencePrice),
        _ => ClosableQuantity(order.Side, position),
    };

    private (string Code, string Message)? Validate(OrderRequest order)
    {
        var sizing = order.Sizing;
        if (sizing.Mode == SizingMode.Shares && sizing.Value <= 0m)
        {
            return (OrderRejectionCodes.Invalid, "A share quantity must be positive.");
        }

        if (sizing.Mode == SizingMode.Shares && !_options.AllowFractionalShares && sizing.Value != decimal.Floor(sizing.Value))
        {
            return (OrderRejectionCodes.FractionalNotAllowed, $"{sizing.Value} is not a whole number of shares and fractional shares are off.");
        }

        if (sizing.Mode == SizingMode.PercentOfEquity && (sizing.Value <= 0m || sizing.Value > 1m))
        {
            return (OrderRejectionCodes.Invalid, "A fraction of equity must be above 0 and at most 1.");
        }

        if (order.Type == OrderType.Limit && order.LimitPrice is not > 0m)
        {
            return (OrderRejectionCodes.Invalid, "A limit order needs a positive limit price.");
        }

        if (order.Type == OrderType.Stop && order.StopPrice is not > 0m)
        {
            return (OrderRejectionCodes.Invalid, "A stop order needs a positive stop price.");
        }

        if (order.Bracket is { } bracket && (bracket.StopLossFraction is <= 0m or >= 1m || bracket.TakeProfitFraction is <= 0m))
        {
            return (OrderRejectionCodes.Invalid, "A bracket's stop-loss must be between 0 and 1 and its take-profit above 0.");
        }

        return null;
    }

    private void Reject(long orderId, OrderRequest order, string code, string message) =>
        _rejections.Add(new RejectedOrder(orderId, _timeline[_step], order, code, message));

    /// <summary>The quantity <paramref name="value"/> buys at <paramref name="price"/>, rounded down to the share increment.</summary>
    private decimal RoundDown(decimal value, decimal price) => WholeQuotient.Floor(value, price * _increment) * _increment;

    private static decimal ClosableQuantity(OrderSide side, decimal position) =>
        side == OrderSide.Sell ? Math.Max(position, 0m) : Math.Max(-position, 0m);

    /// <summary>Symbol lookup without hashing: strategies trade a handful of symbols, and a reference or short ordinal
    /// comparison beats a dictionary at that size.</summary>
    private int Find(string symbol)
    {
        var symbols = _symbols;
        for (var s = 0; s < symbols.Length; s++)
        {
            if (ReferenceEquals(symbols[s], symbol))
            {
                return s;
            }
        }

        for (var s = 0; s < symbols.Length; s++)
        {
            if (string.Equals(symbols[s], symbol, StringComparison.Ordinal))
            {
                return s;
            }
        }

        return -1;
    }
}
