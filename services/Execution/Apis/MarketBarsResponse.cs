namespace TradeNova.Execution.Apis;

/// <summary>
/// Historical bars from the caller's own Alpaca account, by symbol then time. <see cref="NextPageToken"/> is set when the
/// range holds more than one response may carry: ask again with <c>pageToken</c> for the rest.
/// </summary>
public sealed record MarketBarsResponse(string Source, string Feed, string Timeframe, IReadOnlyList<MarketBarResponse> Bars, string? NextPageToken);
