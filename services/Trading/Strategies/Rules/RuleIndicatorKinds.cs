using TradeNova.Trading.Indicators;

namespace TradeNova.Trading.Strategies.Rules;

/// <summary>The indicators a rule may reference, by name, mapped onto the library's incremental indicators. Every
/// reader returns NaN until its output is ready, which makes any comparison on it false.</summary>
internal static class RuleIndicatorKinds
{
    private static readonly RuleIndicatorParameter RequiredPeriod = new("period", true, null);
    private static readonly string[] SingleOutput = ["value"];

    public static IReadOnlyDictionary<string, RuleIndicatorKind> ByName { get; } = Build()
        .ToDictionary(k => k.Name, StringComparer.Ordinal);

    public static string KnownNames => string.Join(", ", ByName.Keys);

    private static IEnumerable<RuleIndicatorKind> Build()
    {
        yield return Series("sma", PriceSource.Close, s => new SimpleMovingAverage(s.Period, s.Source));
        yield return Series("ema", PriceSource.Close, s => new ExponentialMovingAverage(s.Period, s.Source));
        yield return Series("wma", PriceSource.Close, s => new WeightedMovingAverage(s.Period, s.Source));
        yield return Series("rsi", PriceSource.Close, s => new RelativeStrengthIndex(s.Period, s.Source));
        yield return Series("highest", PriceSource.High, s => new RollingHighest(s.Period, s.Source));
        yield return Series("lowest", PriceSource.Low, s => new RollingLowest(s.Period, s.Source));
        yield return new RuleIndicatorKind("volumeAverage", [RequiredPeriod], SingleOutput, null,
            s => new VolumeAverage(s.Period), SeriesReader);
        yield return new RuleIndicatorKind("atr", [new("period", true, 14)], SingleOutput, null,
            s => new AverageTrueRange(s.Period),
            (i, _) =>
            {
                var atr = (AverageTrueRange)i;
                return () => atr.IsReady ? atr.Value : double.NaN;
            });
        yield return new RuleIndicatorKind("macd",
            [new("fastPeriod", true, 12), new("slowPeriod", true, 26), new("signalPeriod", true, 9)],
            ["line", "signal", "histogram"], PriceSource.Close,
            s => new Macd(new MacdOptions(s.FastPeriod, s.SlowPeriod, s.SignalPeriod), s.Source),
            (i, output) =>
            {
                var macd = (Macd)i;
                return output switch
                {
                    "signal" => () => macd.Signal,
                    "histogram" => () => macd.Histogram,
                    _ => () => macd.IsLineReady ? macd.Line : double.NaN,
                };
            });
        yield return new RuleIndicatorKind("bollinger",
            [new("period", true, 20), new("multiplier", false, 2)],
            ["middle", "upper", "lower", "percentB"], PriceSource.Close,
            s => new BollingerBands(s.Period, s.Multiplier, s.Source),
            (i, output) =>
            {
                var bands = (BollingerBands)i;
                return output switch
                {
                    "upper" => () => bands.Upper,
                    "lower" => () => bands.Lower,
                    "percentB" => () => bands.PercentB,
                    _ => () => bands.Middle,
                };
            });
        yield return new RuleIndicatorKind("stochastic",
            [new("period", true, 14), new("signalPeriod", true, 3)],
            ["k", "d"], null,
            s => new Stochastic(s.Period, s.SignalPeriod),
            (i, output) =>
            {
                var stochastic = (Stochastic)i;
                return output == "d" ? () => stochastic.D : () => stochastic.IsKReady ? stochastic.K : double.NaN;
            });
    }

    private static RuleIndicatorKind Series(string name, PriceSource defaultSource, Func<IndicatorSpec, ISeriesIndicator> create) =>
        new(name, [RequiredPeriod], SingleOutput, defaultSource, create, SeriesReader);

    private static Func<double> SeriesReader(IIndicator indicator, string output)
    {
        var series = (ISeriesIndicator)indicator;
        return () => series.IsReady ? series.Value : double.NaN;
    }
}
