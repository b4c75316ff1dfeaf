using TradeNova.Trading.Data;

namespace TradeNova.Trading.Tests.Data;

public class SyntheticBarGeneratorTests
{
    private static readonly SyntheticSeriesSpec Spec = new("SYN", Seed: 42);

    [Fact]
    public void Same_seed_gives_identical_bars()
    {
        var first = SyntheticBarGenerator.Generate(Spec, new DateOnly(2020, 1, 1), 1_000);
        var second = SyntheticBarGenerator.Generate(Spec, new DateOnly(2020, 1, 1), 1_000);

        second.Bars.ShouldBe(first.Bars);
        SyntheticBarGenerator.Generate(Spec with { Seed = 43 }, new DateOnly(2020, 1, 1), 1_000).Bars.ShouldNotBe(first.Bars);
    }

    [Fact]
    public void Output_is_flagged_synthetic_and_names_seed_and_parameters()
    {
        var series = SyntheticBarGenerator.Generate(Spec, new DateOnly(2020, 1, 1), 10);

        series.IsSynthetic.ShouldBeTrue();
        series.Source.ShouldBe("synthetic seed=42 start=100 drift=0.07 vol=0.2 gapP=0.02 gapVol=0.03 volume=1000000");
    }

    [Fact]
    public void Bars_fall_on_weekdays_and_are_valid_ohlcv()
    {
        var series = SyntheticBarGenerator.Generate(Spec with { GapProbability = 0.2 }, new DateOnly(2020, 1, 4), 2_000);

        series.Bars[0].Time.ShouldBe(new DateTimeOffset(2020, 1, 6, 0, 0, 0, TimeSpan.Zero)); // Saturday → Monday
        series.Bars.ShouldAllBe(b => b.Time.DayOfWeek != DayOfWeek.Saturday && b.Time.DayOfWeek != DayOfWeek.Sunday);
        series.Bars.ShouldAllBe(b => b.Low > 0 && b.Low <= b.Open && b.Low <= b.Close && b.High >= b.Open && b.High >= b.Close && b.Volume >= 0);
        // With a 20% gap probability some opens differ from the previous close.
        series.Bars.Zip(series.Bars.Skip(1)).Count(p => p.Second.Open != p.First.Close).ShouldBeGreaterThan(100);
    }

    [Fact]
    public void Generated_csv_round_trips_through_the_validating_importer()
    {
        var series = SyntheticBarGenerator.Generate(Spec, new DateOnly(2020, 1, 1), 500);
        var csv = "date,open,high,low,close,volume\n" + string.Join('\n', series.Bars.Select(b =>
            FormattableString.Invariant($"{b.Time:yyyy-MM-dd},{b.Open},{b.High},{b.Low},{b.Close},{b.Volume}")));

        var imported = CsvBarImporter.Import(new StringReader(csv), "SYN");

        imported.Errors.ShouldBeEmpty();
        imported.Series!.Bars.ShouldBe(series.Bars);
    }

    [Fact]
    public void Bars_can_be_aligned_on_another_series_dates()
    {
        var times = BundledMarketData.Sp500().Bars.Select(b => b.Time).ToArray();

        var series = SyntheticBarGenerator.Generate(Spec, times);

        series.Bars.Select(b => b.Time).ShouldBe(times);
    }
}
