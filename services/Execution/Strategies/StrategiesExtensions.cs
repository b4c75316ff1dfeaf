using TradeNova.Execution.Strategies.LiveBars;

namespace TradeNova.Execution.Strategies;

public static class StrategiesExtensions
{
    /// <summary>The live strategy runner: its options, the bar sources (simulated; the user's Alpaca bars for live runs), the step machinery and the runner itself.</summary>
    public static IHostApplicationBuilder AddStrategies(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StrategyOptions>().BindConfiguration("TradeNova:Strategies");
        builder.Services.AddSingleton<IBarFeed, SimulatedBarFeed>();
        builder.Services.AddSingleton<SimulatedBarSource>();
        builder.Services.AddSingleton<AlpacaBarSource>();
        builder.Services.AddSingleton<BarSources>();
        builder.Services.AddScoped<StrategyOrderCanceler>();
        builder.Services.AddScoped<StrategyRunStopper>();
        builder.Services.AddScoped<StrategyStepProcessor>();
        builder.Services.AddScoped<StrategyRunLoader>();
        builder.Services.AddSingleton<StrategyRunner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StrategyRunner>());
        return builder;
    }
}
