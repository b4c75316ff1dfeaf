namespace TradeNova.Trading.Tests.IndicatorTests;

/// <summary>Every value of every indicator, on the bundled S&amp;P 500 history, against the npm package
/// <c>technicalindicators</c>. Tolerance: |ours - theirs| ≤ 1e-9 × max(|ours|, |theirs|), or ≤ 1e-9 absolute for values
/// near zero. The floor exists for outputs that are differences of price-sized numbers (MACD line and histogram
/// crossing zero, %B at the lower band): both sides subtract values around 1,500 whose last bits differ (~1e-13), so
/// near zero the relative error is meaningless while 1e-9 absolute is still 1e-12 of the price level. The library rounds
/// its RSI to two decimals, so RSI is compared exactly through the library's own Wilder averages ("rsi-exact") and the
/// rounded output only within 0.005.</summary>
public sealed class IndicatorReferenceTests(TechnicalIndicatorsReference reference) : IClassFixture<TechnicalIndicatorsReference>
{
    private const double RelativeTolerance = 1e-9;
    private const double AbsoluteFloor = 1e-9;
    private const double RoundedRsiTolerance = 0.005 + 1e-9;

    public static TheoryData<string> SeriesNames => [.. IndicatorRuns.All.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Reference_covers_exactly_the_series_computed_here_over_the_whole_bundled_history()
    {
        reference.BarCount.ShouldBe(Sp500Bars.All.Length);
        reference.Library.ShouldBe("technicalindicators 3.1.0");
        reference.Series.Keys.Order(StringComparer.Ordinal).ShouldBe(IndicatorRuns.All.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SeriesNames))]
    public void Indicator_matches_technicalindicators_at_every_bar(string name)
    {
        var bars = Sp500Bars.All;
        var expected = reference.Series[name];
        var actual = IndicatorRuns.All[name](bars);
        var tolerance = name.EndsWith("-rounded", StringComparison.Ordinal) ? RoundedRsiTolerance : 0;

        var firstReady = Array.FindIndex(actual, v => !double.IsNaN(v));
        firstReady.ShouldBe(expected.Offset, $"{name}: first bar with a value");
        for (var i = 0; i < bars.Length; i++)
        {
            if (i < expected.Offset)
            {
                actual[i].ShouldBe(double.NaN, $"{name}: bar {i} should not be ready");
                continue;
            }

            var ours = actual[i];
            var theirs = expected.Values[i - expected.Offset];
            var difference = Math.Abs(ours - theirs);
            var allowed = tolerance > 0 ? tolerance : Math.Max(RelativeTolerance * Math.Max(Math.Abs(ours), Math.Abs(theirs)), AbsoluteFloor);
            (difference <= allowed).ShouldBeTrue($"{name} at bar {i} ({bars[i].Time:yyyy-MM-dd}): ours {ours:R}, technicalindicators {theirs:R}, difference {difference:E3} > {allowed:E3}");
        }
    }
}
