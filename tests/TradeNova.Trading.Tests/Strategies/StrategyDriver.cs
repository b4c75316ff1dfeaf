using TradeNova.Trading.Data;
using TradeNova.Trading.Strategies;

namespace TradeNova.Trading.Tests.StrategyTests;

/// <summary>Runs a strategy over hand-made bars, one time step per day, and returns what it submitted.</summary>
internal static class StrategyDriver
{
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Bar Bar(int day, decimal close, decimal? high = null, decimal? low = null, decimal volume = 1000m) =>
        new(Start.AddDays(day), close, high ?? close, low ?? close, close, volume);

    /// <summary>One symbol, bars from closes (open = high = low = close).</summary>
    public static RecordingStrategyContext RunCloses(IStrategy strategy, string symbol, params decimal[] closes) =>
        Run(strategy, closes.Select((c, i) => new[] { (symbol, Bar(i, c)) }).ToArray());

    public static RecordingStrategyContext Run(IStrategy strategy, (string Symbol, Bar Bar)[][] steps)
    {
        var context = new RecordingStrategyContext();
        for (var i = 0; i < steps.Length; i++)
        {
            context.Advance(Start.AddDays(i), steps[i]);
            strategy.OnBar(context);
        }
        return context;
    }

    public static string[] Signals(this RecordingStrategyContext context) => [.. context.Orders.Select(o => o.ToString())];
}
