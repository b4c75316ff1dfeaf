using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradeNova.Execution.Brokers.Alpaca;
using TradeNova.Execution.Brokers.Alpaca.Streaming;

namespace TradeNova.IntegrationTests.Alpaca;

/// <summary>Execution's Alpaca registration (the real pipeline) pointed at a <see cref="FakeAlpacaServer"/>, with short test timings.</summary>
public sealed class AlpacaTestClients : IDisposable
{
    public const string KeyId = "PKTN4ALPACA11TEST01";
    public const string Secret = "sEcReT-alpaca11-ZfQ9Xk2Lm7Pq";

    private readonly ServiceProvider _services;

    public AlpacaTestClients(FakeAlpacaServer server, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var configuration = new Dictionary<string, string?>
        {
            ["TradeNova:Alpaca:PaperTradingUrl"] = server.BaseAddress.ToString(),
            ["TradeNova:Alpaca:LiveTradingUrl"] = server.BaseAddress.ToString(),
            ["TradeNova:Alpaca:DataUrl"] = server.BaseAddress.ToString(),
            ["TradeNova:Alpaca:PaperStreamUrl"] = server.StreamAddress.ToString(),
            ["TradeNova:Alpaca:LiveStreamUrl"] = server.StreamAddress.ToString(),
            ["TradeNova:Alpaca:AttemptTimeout"] = "00:00:01",
            ["TradeNova:Alpaca:ReadRetryDelay"] = "00:00:00.050",
            ["TradeNova:Alpaca:SubmissionLookupDelay"] = "00:00:00.100",
            ["TradeNova:Alpaca:StreamReconnectDelay"] = "00:00:00.100",
            ["TradeNova:Alpaca:StreamMaxReconnectDelay"] = "00:00:00.500",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddLogging();
        builder.AddAlpacaBroker();
        _services = builder.Services.BuildServiceProvider();
    }

    public static AlpacaCredentials Credentials => new(KeyId, Secret, paper: true);

    public AlpacaClient Create(AlpacaCredentials? credentials = null) =>
        _services.GetRequiredService<AlpacaClientFactory>().Create(credentials ?? Credentials);

    public AlpacaTradeStream Stream(AlpacaCredentials? credentials = null) =>
        _services.GetRequiredService<AlpacaTradeStreamFactory>().Create(credentials ?? Credentials);

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public void Dispose() => _services.Dispose();
}
