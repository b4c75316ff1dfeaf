using TradeNova.Trading.Data;

namespace TradeNova.Trading.Tests.Data;

public class BundledMarketDataTests
{
    [Fact]
    public void Sp500_history_loads_all_5105_real_daily_bars()
    {
        var series = BundledMarketData.Sp500();

        series.Symbol.ShouldBe("SPX");
        series.IsSynthetic.ShouldBeFalse();
        series.Source.ShouldContain("vega-datasets 3.2.1");
        series.Bars.Length.ShouldBe(5_105);
        series.Bars[0].ShouldBe(new Bar(new DateTimeOffset(2000, 1, 3, 0, 0, 0, TimeSpan.Zero), 1469.250000m, 1478.000000m, 1438.359985m, 1455.219971m, 931800000m));
        series.Bars[^1].ShouldBe(new Bar(new DateTimeOffset(2020, 4, 17, 0, 0, 0, TimeSpan.Zero), 2842.429932m, 2879.219971m, 2830.879883m, 2874.560059m, 5792140000m));
    }

    [Fact]
    public void Sp500_history_has_exactly_three_long_gaps_all_real_market_closures()
    {
        using var reader = new StreamReader(BundledMarketData.OpenSp500Csv());

        var result = CsvBarImporter.Import(reader, "SPX");

        result.Errors.ShouldBeEmpty();
        result.Warnings.Select(w => w.Message[..w.Message.IndexOf(" (", StringComparison.Ordinal)]).ShouldBe([
            "Gap of 7 calendar days after 2001-09-10",  // September 11
            "Gap of 5 calendar days after 2006-12-29",  // day of mourning for President Ford
            "Gap of 5 calendar days after 2012-10-26",  // Hurricane Sandy
        ]);
    }

    [Fact]
    public void Each_call_returns_its_own_copy_of_the_bars()
    {
        var first = BundledMarketData.Sp500();
        first.Bars[0] = default;

        BundledMarketData.Sp500().Bars[0].Close.ShouldBe(1455.219971m);
    }
}
