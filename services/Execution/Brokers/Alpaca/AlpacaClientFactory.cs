using Microsoft.Extensions.Options;

namespace TradeNova.Execution.Brokers.Alpaca;

/// <summary>Hands out an <see cref="AlpacaClient"/> for one user's credentials over the shared, per-connection pipeline.</summary>
public sealed class AlpacaClientFactory(IHttpClientFactory http, IOptions<AlpacaOptions> options, ILoggerFactory loggers, TimeProvider? time = null)
{
    public AlpacaClient Create(AlpacaCredentials credentials) =>
        new(http.CreateClient(AlpacaBrokerExtensions.HttpClientName), credentials, options.Value, loggers.CreateLogger<AlpacaClient>(), time ?? TimeProvider.System);
}
