using Microsoft.Extensions.Options;

namespace TradeNova.Execution.Brokers.Alpaca.MarketData;

public sealed class AlpacaMarketDataStreamFactory(
    IOptions<AlpacaOptions> options, IOptions<AlpacaMarketDataOptions> marketData, ILoggerFactory loggers, TimeProvider? time = null)
{
    public AlpacaMarketDataStream Create(AlpacaCredentials credentials, AlpacaMarketDataSubscription subscription) =>
        new(credentials, subscription, marketData.Value.StreamUrl(options.Value), options.Value, marketData.Value.BufferedMessages,
            loggers.CreateLogger<AlpacaMarketDataStream>(), time ?? TimeProvider.System);
}
