using TradeNova.Trading.Data;

namespace TradeNova.Trading.Indicators;

/// <summary>An incremental indicator: it is fed one bar at a time, in time order, and keeps only the state it needs, so
/// an update costs O(1) and allocates nothing. Values before <see cref="IsReady"/> are not defined (NaN).</summary>
public interface IIndicator
{
    /// <summary>True once enough bars have been seen for the current value(s) to be defined.</summary>
    bool IsReady { get; }

    /// <summary>Feeds the next bar.</summary>
    void Update(in Bar bar);

    /// <summary>Forgets every bar seen, as if newly created (lets optimisers reuse instances).</summary>
    void Reset();
}
