using TradeNova.Trading.Data;
using TradeNova.Trading.Indicators;

namespace TradeNova.Trading.Tests.IndicatorTests;

/// <summary>The C# side of the reference comparison: for every series name the reference script prints, how to compute
/// it with this library, bar by bar, as an array with NaN where the indicator is not ready.</summary>
internal static class IndicatorRuns
{
    public static IReadOnlyDictionary<string, Func<Bar[], double[]>> All { get; } = Build();

    private static Dictionary<string, Func<Bar[], double[]>> Build()
    {
        var runs = new Dictionary<string, Func<Bar[], double[]>>(StringComparer.Ordinal);
        foreach (var p in new[] { 10, 30, 200 })
            runs[$"sma({p})"] = bars => Series(bars, new SimpleMovingAverage(p));
        foreach (var p in new[] { 12, 26, 200 })
            runs[$"ema({p})"] = bars => Series(bars, new ExponentialMovingAverage(p));
        foreach (var p in new[] { 10, 30 })
            runs[$"wma({p})"] = bars => Series(bars, new WeightedMovingAverage(p));
        foreach (var p in new[] { 14, 2 })
        {
            runs[$"rsi({p}).averageGain"] = bars => Run(bars, new RelativeStrengthIndex(p), i => i.AverageGain);
            runs[$"rsi({p}).averageLoss"] = bars => Run(bars, new RelativeStrengthIndex(p), i => i.AverageLoss);
            runs[$"rsi({p})-exact"] = bars => Series(bars, new RelativeStrengthIndex(p));
            runs[$"rsi({p})-rounded"] = bars => Series(bars, new RelativeStrengthIndex(p));
        }

        AddMacd(runs, "macd(12,26,9,ema,ema)", new MacdOptions(12, 26, 9));
        AddMacd(runs, "macd(5,35,5,sma,sma)", new MacdOptions(5, 35, 5, MovingAverageKind.Simple, MovingAverageKind.Simple));
        AddMacd(runs, "macd(12,26,9,ema,sma)", new MacdOptions(12, 26, 9, MovingAverageKind.Exponential, MovingAverageKind.Simple));

        foreach (var (p, k) in new[] { (20, 2.0), (10, 1.5) })
        {
            var name = $"bollinger({p},{k.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
            runs[$"{name}.middle"] = bars => Run(bars, new BollingerBands(p, k), b => b.Middle);
            runs[$"{name}.upper"] = bars => Run(bars, new BollingerBands(p, k), b => b.Upper);
            runs[$"{name}.lower"] = bars => Run(bars, new BollingerBands(p, k), b => b.Lower);
            runs[$"{name}.pb"] = bars => Run(bars, new BollingerBands(p, k), b => b.PercentB);
        }

        foreach (var p in new[] { 14, 5 })
            runs[$"atr({p})"] = bars => Run(bars, new AverageTrueRange(p), a => a.Value);

        foreach (var (p, d) in new[] { (14, 3), (5, 3) })
        {
            runs[$"stochastic({p},{d}).k"] = bars => Run(bars, new Stochastic(p, d), s => s.IsKReady ? s.K : double.NaN);
            runs[$"stochastic({p},{d}).d"] = bars => Run(bars, new Stochastic(p, d), s => s.D);
        }

        foreach (var p in new[] { 20, 55 })
        {
            runs[$"highest({p})"] = bars => Series(bars, new RollingHighest(p));
            runs[$"lowest({p})"] = bars => Series(bars, new RollingLowest(p));
        }

        foreach (var p in new[] { 20, 50 })
            runs[$"volumeAverage({p})"] = bars => Series(bars, new VolumeAverage(p));
        return runs;
    }

    private static void AddMacd(Dictionary<string, Func<Bar[], double[]>> runs, string name, MacdOptions options)
    {
        runs[$"{name}.line"] = bars => Run(bars, new Macd(options), m => m.IsLineReady ? m.Line : double.NaN);
        runs[$"{name}.signal"] = bars => Run(bars, new Macd(options), m => m.Signal);
        runs[$"{name}.histogram"] = bars => Run(bars, new Macd(options), m => m.Histogram);
    }

    private static double[] Series(Bar[] bars, ISeriesIndicator indicator) =>
        Run(bars, indicator, i => i.IsReady ? i.Value : double.NaN);

    private static double[] Run<T>(Bar[] bars, T indicator, Func<T, double> read)
        where T : IIndicator
    {
        var values = new double[bars.Length];
        for (var i = 0; i < bars.Length; i++)
        {
            indicator.Update(bars[i]);
            values[i] = read(indicator);
        }
        return values;
    }
}
