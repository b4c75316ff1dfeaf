using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradeNova.IntegrationTests.Infrastructure;
using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging;

namespace TradeNova.IntegrationTests.Messaging;

/// <summary>
/// A generic host wired exactly as a service is (<c>AddServiceDatabase</c> + <c>AddServiceMessaging</c>) with the
/// test consumer; starting it starts the bus and the outbox relay, disposing it is a relay "crash".
/// </summary>
public sealed class MessagingTestHost : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _started;

    /// <param name="dispatchGrace">How long a committed row is left to the dispatcher before the relay takes it.</param>
    public MessagingTestHost(string connectionString, string amqpUri, TimeSpan? dispatchGrace = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ServiceDatabase.ConnectionName(MessagingTestContext.Schema)}"] = connectionString,
            ["ConnectionStrings:messaging"] = amqpUri,
            ["TradeNova:Database:MigrateOnStartup"] = "false",
            ["TradeNova:Outbox:PollInterval"] = "00:00:00.250",
            ["TradeNova:Outbox:DispatchGrace"] = (dispatchGrace ?? TimeSpan.FromSeconds(2)).ToString("c"),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<DeliveryLog>();
        builder.AddServiceDatabase<MessagingTestContext>(MessagingTestContext.Schema);
        builder.AddServiceMessaging<MessagingTestContext>(MessagingTestContext.Schema, bus =>
        {
            bus.AddConsumer<TestAccountOpenedConsumer>();
            bus.AddConsumer<TestAccountRenamedConsumer>();
            bus.AddConsumeObserver(provider => provider.GetRequiredService<DeliveryLog>());
        });
        _host = builder.Build();
    }

    public IServiceProvider Services => _host.Services;

    public DeliveryLog Deliveries => _host.Services.GetRequiredService<DeliveryLog>();

    public async Task StartAsync()
    {
        await _host.StartAsync(TestContext.Current.CancellationToken);
        _started = true;
        // Publishing before the test queue is bound would drop the message; wait as the relay does.
        var bus = _host.Services.GetRequiredService<IBusControl>();
        await Poll.UntilAsync(() => Task.FromResult(bus.CheckHealth().Status == BusHealthStatus.Healthy), TimeSpan.FromSeconds(30), "bus healthy");
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await _host.StopAsync(CancellationToken.None);
        }

        _host.Dispose();
    }
}
