using TradeNova.Execution.Market;

namespace TradeNova.Execution.Exchange;

/// <summary>
/// The prices that can move the paper book, per symbol: the highest resting buy limit, the lowest sell limit, the lowest
/// buy stop and the highest sell stop of the working paper orders, and whether any working order trades at any price
/// (market, IOC/FOK, a triggered stop). A pass whose prices reach none of them can change nothing, so it does not touch
/// the database; a book of resting bracket legs far from the market then costs one read a refresh interval, not one
/// per tick.
/// <para>
/// The bounds come from the orders table (<see cref="Replace"/>, at least every refresh interval, which also brings in
/// what other instances placed), and this instance's own saves widen them at once (<see cref="Widen"/>). A bound may be
/// wider than the book (a canceled order's price until the next refresh), which only costs a pass; it must never be
/// narrower. A save widens before it commits, so a refresh whose snapshot missed that commit would narrow them again:
/// each refresh therefore widens its result again by every order widened in the <see cref="Retention"/> before it began.
/// </para>
/// </summary>
public sealed class RestingOrderBounds(TimeProvider time)
{
    /// <summary>How long a widening outlives the refreshes after it (longer than any save takes to commit).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly Queue<(DateTimeOffset At, RestingOrder Order)> _recent = new();
    private SymbolBounds[] _bounds = new SymbolBounds[SymbolUniverse.Count];
    private bool _immediate;
    private DateTimeOffset? _loadedAt;

    /// <summary>Whether the bounds were never read, or were last read <paramref name="interval"/> or more ago.</summary>
    public bool IsStale(TimeSpan interval)
    {
        lock (_gate)
        {
            return _loadedAt is not { } loaded || time.GetUtcNow() - loaded >= interval;
        }
    }

    /// <summary>
    /// Whether a pass at <paramref name="prices"/> (by <see cref="SymbolUniverse"/> index) can change anything: some
    /// working order trades at any price, or some price reaches a resting limit or stop. True until the first read.
    /// </summary>
    public bool AnyReached(ReadOnlySpan<decimal> prices)
    {
        lock (_gate)
        {
            if (_loadedAt is null || _immediate)
            {
                return true;
            }

            for (var i = 0; i < prices.Length && i < _bounds.Length; i++)
            {
                if (_bounds[i].Reached(prices[i]))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>A working paper order this instance is saving: its prices join the bounds at once.</summary>
    public void Widen(Order order)
    {
        if (RestingOrder.From(order) is not { } resting)
        {
            return;
        }

        lock (_gate)
        {
            Include(resting);
            _recent.Enqueue((time.GetUtcNow(), resting));
        }
    }

    /// <summary>
    /// The bounds as read from the orders table by a read that began at <paramref name="readStartedAt"/>, widened again by
    /// the orders widened in the <see cref="Retention"/> before that.
    /// </summary>
    public void Replace(DateTimeOffset readStartedAt, IEnumerable<RestingOrder> book)
    {
        lock (_gate)
        {
            _bounds = new SymbolBounds[SymbolUniverse.Count];
            _immediate = false;
            foreach (var resting in book)
            {
                Include(resting);
            }

            var keepFrom = readStartedAt - Retention;
            while (_recent.TryPeek(out var oldest) && oldest.At < keepFrom)
            {
                _recent.Dequeue();
            }

            foreach (var (_, resting) in _recent)
            {
                Include(resting);
            }

            _loadedAt = readStartedAt;
        }
    }

    private void Include(RestingOrder order)
    {
        if (order.Immediate)
        {
            _immediate = true;
        }

        if ((uint)order.Symbol < (uint)_bounds.Length)
        {
            _bounds[order.Symbol].Include(order);
        }
    }

    private struct SymbolBounds
    {
        private decimal? _highestBuyLimit;
        private decimal? _lowestSellLimit;
        private decimal? _lowestBuyStop;
        private decimal? _highestSellStop;

        // As PaperMatcher: a buy limit trades at or below its price, a sell limit at or above; a buy stop triggers at or
        // above its price, a sell stop at or below.
        public readonly bool Reached(decimal price) =>
            price <= _highestBuyLimit || price >= _lowestSellLimit || price >= _lowestBuyStop || price <= _highestSellStop;

        public void Include(RestingOrder order)
        {
            if (order.LimitPrice is { } limit)
            {
                if (order.Buy)
                {
                    _highestBuyLimit = _highestBuyLimit is { } high && high >= limit ? high : limit;
                }
                else
                {
                    _lowestSellLimit = _lowestSellLimit is { } low && low <= limit ? low : limit;
                }
            }

            if (order.StopPrice is { } stop)
            {
                if (order.Buy)
                {
                    _lowestBuyStop = _lowestBuyStop is { } low && low <= stop ? low : stop;
                }
                else
                {
                    _highestSellStop = _highestSellStop is { } high && high >= stop ? high : stop;
                }
            }
        }
    }
}

/// <summary>
/// What of a working paper order the exchange's bounds need: its symbol (a <see cref="SymbolUniverse"/> index), its side,
/// its limit price (any order that has one), its stop price (while not triggered), and whether it trades at any price.
/// </summary>
public readonly record struct RestingOrder(int Symbol, bool Buy, decimal? LimitPrice, decimal? StopPrice, bool Immediate)
{
    public static RestingOrder? From(Order order) =>
        order.Mode == TradingModes.Paper && OrderStatuses.Working.Contains(order.Status)
                                         && SymbolUniverse.TryGetIndex(order.Symbol, out var symbol)
            ? new RestingOrder(
                symbol,
                order.Side == OrderSides.Buy,
                order.LimitPrice,
                order.StopTriggered ? null : order.StopPrice,
                IsImmediate(order.Type, order.TimeInForce, order.StopTriggered))
            : null;

    /// <summary>As the exchange's candidates: market orders, IOC and FOK orders, and stops whose trigger was hit.</summary>
    public static bool IsImmediate(string type, string timeInForce, bool stopTriggered) =>
        type == OrderTypes.Market || timeInForce is TimesInForce.Ioc or TimesInForce.Fok || (type == OrderTypes.Stop && stopTriggered);
}
