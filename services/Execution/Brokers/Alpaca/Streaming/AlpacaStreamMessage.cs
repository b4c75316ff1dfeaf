namespace TradeNova.Execution.Brokers.Alpaca.Streaming;

/// <summary>What one frame of the trading stream said; the properties that do not apply are null.</summary>
public sealed record AlpacaStreamMessage(
    string Stream,
    string? AuthorizationStatus = null,
    IReadOnlyList<string>? ListeningStreams = null,
    AlpacaTradeUpdate? TradeUpdate = null)
{
    public const string Authorization = "authorization";
    public const string Listening = "listening";
    public const string TradeUpdates = "trade_updates";
}
