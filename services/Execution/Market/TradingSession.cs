namespace TradeNova.Execution.Market;

/// <summary>
/// The simulated market trades around the clock, so "the session" is a convention: each session ends at 20:00 UTC
/// (16:00 New York in winter, the regular close). Day orders expire then; "previous close" is the price at the last end.
/// </summary>
public static class TradingSession
{
    public static readonly TimeSpan CloseTimeOfDay = TimeSpan.FromHours(20);

    /// <summary>The first session end strictly after <paramref name="at"/>.</summary>
    public static DateTimeOffset NextClose(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        var close = new DateTimeOffset(utc.Date, TimeSpan.Zero) + CloseTimeOfDay;
        return close > utc ? close : close.AddDays(1);
    }

    /// <summary>The last session end at or before <paramref name="at"/>.</summary>
    public static DateTimeOffset PreviousClose(DateTimeOffset at) => NextClose(at).AddDays(-1);
}
