using Microsoft.Extensions.Options;

namespace TradeNova.Execution.Brokers.Alpaca.Streaming;

public sealed class AlpacaTradeStreamFactory(IOptions<AlpacaOptions> options, ILoggerFactory loggers, TimeProvider? time = null)
{
    public AlpacaTradeStream Create(AlpacaCredentials credentials) =>
        new(credentials, options.Value, loggers.CreateLogger<AlpacaTradeStream>(), time ?? TimeProvider.System);
}
