using MassTransit;
using TradeNova.Portfolio.IntegrationEvents.EventHandling;
using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging;

namespace TradeNova.Portfolio.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<PortfolioContext>(PortfolioContext.Schema);
        builder.AddServiceMessaging<PortfolioContext>(PortfolioContext.Schema, bus =>
        {
            bus.AddConsumer<UserRegisteredIntegrationEventHandler>();
            bus.AddConsumer<PortfolioOpenedNotificationHandler>()
                .Endpoint(endpoint =>
                {
                    endpoint.Temporary = true;
                    endpoint.InstanceId = Guid.NewGuid().ToString("N")[..8];
                });
        });
        builder.Services.AddSignalR();
        builder.Services.AddOpenApi();
        return builder;
    }
}
