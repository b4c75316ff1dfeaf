namespace TradeNova.Execution.Brokers.Alpaca.MarketData;

/// <summary>
/// One element of a stream frame (Alpaca sends arrays). <see cref="Type"/> is Alpaca's <c>T</c>; exactly the property
/// matching it is set for data (<c>b</c>/<c>d</c>/<c>u</c> bar, <c>q</c> quote, <c>t</c> trade); control messages
/// (<c>success</c>, <c>error</c>, <c>subscription</c>) carry <see cref="Text"/>, <see cref="Code"/> or the subscribed lists.
/// </summary>
public sealed record AlpacaMarketDataMessage(
    string Type,
    AlpacaStreamBar? Bar = null,
    AlpacaStreamQuote? Quote = null,
    AlpacaStreamTrade? Trade = null,
    string? Text = null,
    int? Code = null,
    AlpacaMarketDataSubscription? Subscription = null)
{
    public const string Success = "success";
    public const string Error = "error";
    public const string Subscribed = "subscription";
    public const string MinuteBar = "b";
    public const string DailyBar = "d";
    public const string UpdatedBar = "u";
    public const string QuoteType = "q";
    public const string TradeType = "t";
}
