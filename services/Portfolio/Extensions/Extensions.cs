using MassTransit;
using TradeNova.Portfolio.IntegrationEvents.EventHandling;
using TradeNova.Portfolio.Notifications;
using TradeNova.Portfolio.Valuation;
using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging;

namespace TradeNova.Portfolio.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PortfolioOptions>().BindConfiguration("TradeNova:Portfolio")
            .Validate(o => o.ValuationInterval > TimeSpan.Zero && o.ValuationSlices is > 0 and <= 1000 && o.IntradayPointInterval > TimeSpan.Zero,
                "TradeNova:Portfolio needs a positive ValuationInterval and IntradayPointInterval and ValuationSlices from 1 to 1000")
            .Validate(o => o.PresenceInterval > TimeSpan.Zero && o.PeerTimeout > o.PresenceInterval && o.PeerGrace >= TimeSpan.Zero,
                "TradeNova:Portfolio needs a positive PresenceInterval, a PeerTimeout longer than it and a PeerGrace of zero or more")
            .ValidateOnStart();
        builder.Services.AddSingleton<LatestPrices>();
        builder.Services.AddSingleton<ConnectedAccounts>();
        builder.Services.AddSingleton<AccountPushes>();
        builder.Services.AddSingleton<PortfolioPeers>();
        builder.Services.AddScoped<FillPushRoute>();
        builder.Services.AddScoped<PortfolioRevaluation>();
        builder.Services.AddHostedService<ValuationWorker>();

        builder.AddServiceDatabase<PortfolioContext>(PortfolioContext.Schema);
        builder.AddServiceMessaging<PortfolioContext>(PortfolioContext.Schema, bus =>
        {
            // State changes: shared durable queues, each message applied by one instance, once.
            bus.AddConsumer<UserRegisteredIntegrationEventHandler>();
            bus.AddConsumer<OrderFilledIntegrationEventHandler>();
            bus.AddConsumer<BrokerAccountSyncedIntegrationEventHandler>();

            // Pushes and prices: a per-instance temporary (non-durable, auto-delete) queue each, so every instance
            // sees every notification and every price.
            var instance = Guid.NewGuid().ToString("N")[..8];
            bus.AddConsumer<PortfolioOpenedNotificationHandler>()
                .Endpoint(endpoint =>
                {
                    endpoint.Temporary = true;
                    endpoint.InstanceId = instance;
                });
            bus.AddConsumer<AccountNotificationsConsumer>()
                .Endpoint(endpoint =>
                {
                    endpoint.Temporary = true;
                    endpoint.InstanceId = instance;
                });
        });
        // After the bus's own hosted service, so its start can wait for the bus and announce this instance.
        builder.Services.AddHostedService<PortfolioPresence>();
        builder.Services.AddSignalR();
        builder.Services.AddOpenApi();
        return builder;
    }
}
