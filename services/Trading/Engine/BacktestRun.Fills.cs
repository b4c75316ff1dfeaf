using TradeNova.Trading.Broker;
using TradeNova.Trading.Data;
using TradeNova.Trading.Orders;

namespace TradeNova.Trading.Engine;

/// <summary>The broker simulation of a run: pending orders meet this step's bars through <see cref="FillRules"/>, sizes
/// resolved at the fill are computed against the fill price, and cash, positions, fees and trades change together.</summary>
internal sealed partial class BacktestRun
{
    private const string SignalReason = "signal";
    private const string StopLossReason = "stop_loss";
    private const string TakeProfitReason = "take_profit";

    private void FillPendingOrders(int step)
    {
        // Orders created while filling (bracket legs) join the end of the list and wait for the next step.
        var count = _pending.Count;
        for (var i = 0; i < count; i++)
        {
            var order = _pending[i];
            if (order.IsDone)
            {
                continue;
            }

            var index = _barIndex[order.SymbolIndex][step];
            if (index < 0)
            {
                continue;
            }

            ref readonly var bar = ref _bars[order.SymbolIndex][index];
            if (order.IsBracket)
            {
                FillBracket(order, in bar);
            }
            else
            {
                FillStrategyOrder(order, in bar);
            }
        }

        RemoveDone();
    }

    /// <summary>Drops filled and cancelled orders, keeping the others in submission order; the dropped ones are
    /// reused by later orders (no allocation per order).</summary>
    private void RemoveDone()
    {
        var kept = 0;
        for (var i = 0; i < _pending.Count; i++)
        {
            var order = _pending[i];
            if (!order.IsDone)
            {
                _pending[kept++] = order;
            }
            else
            {
                _freeOrders.Push(order);
            }
        }

        _pending.RemoveRange(kept, _pending.Count - kept);
    }

    private PendingOrder RentOrder(int s, OrderRequest request)
    {
        var order = _freeOrders.Count != 0 ? _freeOrders.Pop() : new PendingOrder();
        order.Reset(_nextOrderId++, s, request);
        return order;
    }

    private void FillStrategyOrder(PendingOrder order, in Bar bar)
    {
        var request = order.Request;
        if (!FillRules.TryTrigger(request.Type, request.Side, request.LimitPrice ?? 0m, request.StopPrice ?? 0m, in bar, out var price))
        {
            return;
        }

        if (request.Type != OrderType.Limit && !_zeroSlippage)
        {
            price = _slippage.Apply(price, request.Side, in bar);
        }

        Complete(order);
        var s = order.SymbolIndex;
        var position = _positions[s].Quantity;
        var quantity = ResolveQuantity(request, price, position);
        if (quantity <= 0m)
        {
            var code = request.Sizing.Mode == SizingMode.EntirePosition ? OrderRejectionCodes.NothingToClose : OrderRejectionCodes.InsufficientCash;
            Reject(order.Id, request, code, $"At the fill price {price} the order resolves to no shares.");
            return;
        }

        var signed = request.Side == OrderSide.Buy ? quantity : -quantity;
        var resulting = position + signed;
        if (!_options.AllowShortSelling && resulting < 0m)
        {
            Reject(order.Id, request, OrderRejectionCodes.ShortSellingDisabled, $"Selling {quantity} {request.Symbol} would leave a short position; short selling is off.");
            return;
        }

        // From flat, or adding to the position, nothing closes and all of it opens (quantity - 0 is quantity, digit for digit).
        var reduces = position != 0m && signed > 0m != position > 0m;
        var closing = reduces ? Math.Min(quantity, Math.Abs(position)) : 0m;
        var opening = reduces ? quantity - closing : quantity;
        var notional = quantity * price;
        var commission = Commission(quantity, price);
        if (opening > 0m && !CashCovers(request.Side, notional, opening, closing, price, commission))
        {
            Reject(order.Id, request, OrderRejectionCodes.InsufficientCash,
                $"{quantity} {request.Symbol} at {price} plus {commission} commission needs more than the {_cash} cash available.");
            return;
        }

        Execute(order.Id, s, request.Side, quantity, price, notional, commission, request.Tag ?? SignalReason);
        if (opening > 0m && request.Bracket is { } bracket)
        {
            AddBracket(s, request, bracket, opening, price);
        }
    }

    /// <summary>No leverage: a buy (its <paramref name="notional"/>) is paid from cash; a short's value (its collateral)
    /// must be covered by cash plus what the closing part of the same order frees. Without commission the sum with 0 is
    /// the same number, so it is left out.</summary>
    private bool CashCovers(OrderSide side, decimal notional, decimal opening, decimal closing, decimal price, decimal commission) =>
        side == OrderSide.Buy
            ? (_zeroCommission ? notional : notional + commission) <= _cash
            : opening * price + commission <= _cash + closing * price;

    private decimal ResolveQuantity(OrderRequest request, decimal price, decimal position)
    {
        switch (request.Sizing.Mode)
        {
            case SizingMode.Shares:
                return request.Sizing.Value;
            case SizingMode.AllCash:
                return Affordable(price);
            case SizingMode.PercentOfEquity:
                var wanted = RoundDown(request.Sizing.Value * _equity, price);
                var closable = ClosableQuantity(request.Side, position);
                return wanted <= closable ? wanted : Math.Min(wanted, closable + Affordable(price));
            default:
                return ClosableQuantity(request.Side, position);
        }
    }

    private decimal Commission(decimal quantity, decimal price) => _zeroCommission ? 0m : _commission.Commission(quantity, price);

    private decimal Affordable(decimal price) => AffordableQuantity.Compute(_cash, price, _commission, _increment);

    private void FillBracket(PendingOrder bracket, in Bar bar)
    {
        var s = bracket.SymbolIndex;
        var position = _positions[s].Quantity;
        if (bracket.ProtectsLong ? position <= 0m : position >= 0m)
        {
            bracket.IsDone = true;
            return;
        }

        if (!FillRules.TryTriggerBracket(bracket.ProtectsLong, bracket.StopLossPrice, bracket.TakeProfitPrice, in bar, out var leg, out var price))
        {
            return;
        }

        var side = bracket.ProtectsLong ? OrderSide.Sell : OrderSide.Buy;
        if (leg == BracketLeg.StopLoss && !_zeroSlippage)
        {
            price = _slippage.Apply(price, side, in bar);
        }

        bracket.IsDone = true;
        var quantity = Math.Min(bracket.BracketQuantity, Math.Abs(position));
        var commission = Commission(quantity, price);
        Execute(bracket.Id, s, side, quantity, price, quantity * price, commission, leg == BracketLeg.StopLoss ? StopLossReason : TakeProfitReason);
    }

    private void AddBracket(int s, OrderRequest entry, BracketSpec spec, decimal quantity, decimal entryPrice)
    {
        var isLong = entry.Side == OrderSide.Buy;
        decimal? stopLoss = spec.StopLossFraction is { } sl ? entryPrice * (isLong ? 1m - sl : 1m + sl) : null;
        decimal? takeProfit = spec.TakeProfitFraction is { } tp ? entryPrice * (isLong ? 1m + tp : 1m - tp) : null;
        if (stopLoss is null && takeProfit is null)
        {
            return;
        }

        var bracket = RentOrder(s, entry);
        bracket.IsBracket = true;
        bracket.ProtectsLong = isLong;
        bracket.BracketQuantity = quantity;
        bracket.StopLossPrice = stopLoss;
        bracket.TakeProfitPrice = takeProfit;
        _pending.Add(bracket);
    }

    /// <summary>Books one execution; <paramref name="notional"/> is <paramref name="quantity"/> × <paramref name="price"/>.</summary>
    private void Execute(long orderId, int s, OrderSide side, decimal quantity, decimal price, decimal notional, decimal commission, string reason)
    {
        var time = _timeline[_step];
        if (_zeroCommission)
        {
            // The same decimals as below with a commission of 0m (scale 0): adding it changes no digit.
            _cash += side == OrderSide.Buy ? -notional : notional;
        }
        else
        {
            _cash += side == OrderSide.Buy ? -notional - commission : notional - commission;
            _fees += commission;
        }

        var ledger = _positions[s];
        var before = ledger.Quantity;
        ledger.Apply(side == OrderSide.Buy ? quantity : -quantity, price, commission, time, reason, _trades);
        var after = ledger.Quantity;
        if (before == 0m && after != 0m)
        {
            _openPositions++;
        }
        else if (before != 0m && after == 0m)
        {
            _openPositions--;
        }

        _fills.Add(new Fill(orderId, time, _symbols[s], side, quantity, price, commission, reason));
        RefreshIntegerMarking();
        if (after == 0m || Math.Sign(after) != Math.Sign(before))
        {
            CancelStaleBrackets(s, after);
        }
    }

    /// <summary>A bracket protects a position of one sign; once the position is flat or flipped it must not fire.</summary>
    private void CancelStaleBrackets(int s, decimal position)
    {
        foreach (var order in _pending)
        {
            if (order.IsBracket && order.SymbolIndex == s && (position == 0m || order.ProtectsLong != position > 0m))
            {
                order.IsDone = true;
            }
        }
    }

    private void Complete(PendingOrder order)
    {
        order.IsDone = true;
        _pendingStrategyOrders[order.SymbolIndex]--;
    }
}
