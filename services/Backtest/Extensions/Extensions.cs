using MassTransit;
using TradeNova.Backtest.Data.Alpaca;
using TradeNova.Backtest.IntegrationEvents.EventHandling;
using TradeNova.Backtest.Jobs;
using TradeNova.Backtest.Running;
using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging;

namespace TradeNova.Backtest.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BacktestLimits>().BindConfiguration("TradeNova:Backtest");
        builder.AddServiceDatabase<BacktestContext>(BacktestContext.Schema);
        builder.AddServiceMessaging<BacktestContext>(BacktestContext.Schema, bus =>
        {
            bus.AddConsumer<UserRegisteredIntegrationEventHandler>();
            bus.AddConsumer<RunBacktestJobConsumer, RunBacktestJobConsumerDefinition>();
        });
        builder.Services.AddSingleton<JobSignal>();
        builder.Services.AddScoped<JobStore>();
        builder.Services.AddScoped<JobSubmission>();
        builder.Services.AddHttpContextAccessor();
        // Alpaca bars come through Execution (the only holder of broker keys), with the platform's resilient client defaults.
        builder.Services.AddHttpClient<ExecutionMarketDataClient>(http =>
            http.BaseAddress = new Uri(builder.Configuration["TradeNova:Backtest:ExecutionUrl"] ?? "http://execution"));
        builder.Services.AddScoped<AlpacaBarCache>();
        builder.Services.AddHostedService<EngineWarmUp>();
        builder.Services.AddOpenApi();
        return builder;
    }
}
