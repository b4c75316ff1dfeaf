using MassTransit;
using TradeNova.Risk.Checks;
using TradeNova.Risk.Halts;
using TradeNova.Risk.IntegrationEvents.EventHandling;
using TradeNova.Risk.Limits;
using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging;

namespace TradeNova.Risk.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RiskOptions>().BindConfiguration("TradeNova:Risk");
        builder.Services.AddSingleton<MarketPriceCache>();
        builder.Services.AddSingleton<OrderRateLimiter>();
        builder.Services.AddScoped<RiskCheckService>();
        builder.Services.AddScoped<RiskLimitsEditor>();
        builder.Services.AddScoped<HaltCommands>();
        builder.Services.AddHostedService<SymbolUniversePersister>();

        builder.AddServiceDatabase<RiskContext>(RiskContext.Schema);
        builder.AddServiceMessaging<RiskContext>(RiskContext.Schema, bus =>
        {
            bus.AddConsumer<UserRegisteredIntegrationEventHandler>();
            bus.AddConsumer<PortfolioOpenedIntegrationEventHandler>();
            bus.AddConsumer<PortfolioValuedIntegrationEventHandler>();
            bus.AddConsumer<PortfoliosValuedIntegrationEventHandler>();
            bus.AddConsumer<OrderFilledIntegrationEventHandler>();
            bus.AddConsumer<SubscriptionActivatedIntegrationEventHandler>();
            bus.AddConsumer<SubscriptionDeactivatedIntegrationEventHandler>();
            bus.AddConsumer<UserSuspendedIntegrationEventHandler>();
            bus.AddConsumer<CheckOrderRiskConsumer>();
            // Every instance needs every price: a per-instance, auto-deleted queue.
            bus.AddConsumer<MarketPricesUpdatedConsumer>()
                .Endpoint(endpoint =>
                {
                    endpoint.Temporary = true;
                    endpoint.InstanceId = Guid.NewGuid().ToString("N")[..8];
                });
        });
        builder.Services.AddOpenApi();
        return builder;
    }
}
