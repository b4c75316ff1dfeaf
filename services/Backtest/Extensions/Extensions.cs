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
        // Alpaca bars come through Execution (the only holder of broker keys). Its own handler: one call may page through
        // Alpaca for a while, and a 429 is not retried here (Execution's Retry-After is a minute; the caller hears it).
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers: the documented way to replace the default handler
        builder.Services.AddHttpClient<ExecutionMarketDataClient>(http =>
                http.BaseAddress = new Uri(builder.Configuration["TradeNova:Backtest:ExecutionUrl"] ?? "http://execution"))
            .RemoveAllResilienceHandlers()
#pragma warning restore EXTEXP0001
            .AddStandardResilienceHandler(options =>
            {
                options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(60);
                options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(150);
                options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(120);
                var transient = options.Retry.ShouldHandle;
                options.Retry.ShouldHandle = async args =>
                    args.Outcome.Result?.StatusCode != System.Net.HttpStatusCode.TooManyRequests && await transient(args);
            });
        builder.Services.AddScoped<AlpacaBarCache>();
        builder.Services.AddHostedService<EngineWarmUp>();
        builder.Services.AddOpenApi();
        return builder;
    }
}
