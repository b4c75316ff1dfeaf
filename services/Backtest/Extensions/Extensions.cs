using TradeNova.Backtest.IntegrationEvents.EventHandling;
using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging;

namespace TradeNova.Backtest.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<BacktestContext>(BacktestContext.Schema);
        builder.AddServiceMessaging<BacktestContext>(BacktestContext.Schema, bus =>
            bus.AddConsumer<UserRegisteredIntegrationEventHandler>());
        builder.Services.AddOpenApi();
        return builder;
    }
}
