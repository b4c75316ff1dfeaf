using TradeNova.Billing.IntegrationEvents.EventHandling;
using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging;

namespace TradeNova.Billing.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<BillingContext>(BillingContext.Schema);
        builder.AddServiceMessaging<BillingContext>(BillingContext.Schema, bus =>
            bus.AddConsumer<UserRegisteredIntegrationEventHandler>());
        builder.Services.AddOpenApi();
        return builder;
    }
}
