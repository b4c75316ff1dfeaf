using TradeNova.Risk.IntegrationEvents.EventHandling;
using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging;

namespace TradeNova.Risk.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<RiskContext>(RiskContext.Schema);
        builder.AddServiceMessaging<RiskContext>(RiskContext.Schema, bus =>
            bus.AddConsumer<UserRegisteredIntegrationEventHandler>());
        builder.Services.AddOpenApi();
        return builder;
    }
}
