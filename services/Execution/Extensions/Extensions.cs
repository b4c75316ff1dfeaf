using TradeNova.Execution.IntegrationEvents.EventHandling;
using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging;

namespace TradeNova.Execution.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ExecutionDbContext>(ExecutionDbContext.Schema);
        builder.AddServiceMessaging<ExecutionDbContext>(ExecutionDbContext.Schema, bus =>
            bus.AddConsumer<UserRegisteredIntegrationEventHandler>());
        builder.Services.AddOpenApi();
        return builder;
    }
}
