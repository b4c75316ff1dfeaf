namespace TradeNova.Execution.Brokers.Alpaca.MarketData;

/// <summary>
/// <c>TradeNova:Alpaca:DataStreamUrl</c>: the real-time market data stream. Unset, it is
/// <c>wss://stream.data.alpaca.markets/v2/{DataFeed}</c>; Alpaca's always-on test stream is <c>…/v2/test</c> and the
/// sandbox host <c>wss://stream.data.sandbox.alpaca.markets/v2/{feed}</c>. Reconnect timings are the trading stream's.
/// </summary>
public sealed class AlpacaMarketDataOptions
{
    public Uri? DataStreamUrl { get; set; }

    /// <summary>How many received messages may wait for a slow reader before the stream stops reading (Alpaca then drops a slow client, 407).</summary>
    public int BufferedMessages { get; set; } = 10_000;

    public Uri StreamUrl(AlpacaOptions alpaca) => DataStreamUrl ?? new Uri($"wss://stream.data.alpaca.markets/v2/{alpaca.DataFeed}");
}
