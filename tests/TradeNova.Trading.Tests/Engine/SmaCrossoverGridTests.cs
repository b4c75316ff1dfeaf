using TradeNova.Trading.Costs;
using TradeNova.Trading.Data;
using TradeNova.Trading.Engine;
using TradeNova.Trading.Risk;
using TradeNova.Trading.Strategies.BuiltIn;

namespace TradeNova.Trading.Tests.Engine;

/// <summary>A parameter search over shared indicator columns must give, for every set, exactly what that set gives run
/// alone through the engine.</summary>
public class SmaCrossoverGridTests
{
    private static readonly BarSeries Sp500 = BundledMarketData.Sp500();

    /// <summary>1,000 sets: fast 2..51 × slow 60..250 step 10.</summary>
    private static readonly SmaCrossoverParameters[] DenseGrid =
        [.. from fast in Enumerable.Range(2, 50) from slow in Enumerable.Range(6, 20).Select(i => i * 10) select new SmaCrossoverParameters(Sp500.Symbol, fast, slow)];

    [Fact]
    public void Every_set_of_a_dense_grid_on_the_fast_path_ends_at_the_engines_final_equity()
    {
        var data = new MarketDataSet([Sp500]);
        var columns = new IndicatorColumns(data);
        var options = new BacktestOptions { Risk = RiskLimits.None, ComputeStatistics = false };
        var engine = new BacktestEngine(options);
        DenseGrid.Length.ShouldBe(1_000);
        SmaCrossoverGrid.Supports(options).ShouldBeTrue();

        var finals = SmaCrossoverGrid.FinalEquities(columns, DenseGrid, options, cancellationToken: TestContext.Current.CancellationToken);

        columns.Count.ShouldBe(70);
        for (var i = 0; i < DenseGrid.Length; i++)
        {
            var alone = engine.Run(new SmaCrossoverStrategy(DenseGrid[i]), data).FinalEquity;
            decimal.GetBits(finals[i]).ShouldBe(decimal.GetBits(alone), $"{DenseGrid[i]}: {finals[i]} vs {alone}");
        }

        finals.Distinct().Count().ShouldBeGreaterThan(900);
    }

    [Fact]
    public void Every_set_of_a_dense_grid_run_on_shared_columns_has_the_final_equity_and_statistics_of_the_set_run_alone()
    {
        var data = new MarketDataSet([Sp500]);
        var columns = new IndicatorColumns(data);
        var engine = new BacktestEngine(new BacktestOptions { Risk = RiskLimits.None });
        var results = new BacktestResult[DenseGrid.Length];

        Parallel.For(0, DenseGrid.Length, i => results[i] = engine.Run(new SmaCrossoverStrategy(DenseGrid[i]), data, columns));

        for (var i = 0; i < DenseGrid.Length; i++)
        {
            var alone = engine.Run(new SmaCrossoverStrategy(DenseGrid[i]), [Sp500]);
            decimal.GetBits(results[i].FinalEquity).ShouldBe(decimal.GetBits(alone.FinalEquity), DenseGrid[i].ToString());
            results[i].Statistics.ShouldBe(alone.Statistics, DenseGrid[i].ToString());
        }
    }

    [Theory]
    [MemberData(nameof(OtherOptions))]
    public void Other_options_give_the_engines_final_equity_too(string name, BacktestOptions options)
    {
        var data = new MarketDataSet([Sp500]);
        var columns = new IndicatorColumns(data);
        var engine = new BacktestEngine(options);
        foreach (var set in DenseGrid.Where((_, i) => i % 37 == 0))
        {
            var alone = engine.Run(new SmaCrossoverStrategy(set), data).FinalEquity;
            decimal.GetBits(SmaCrossoverGrid.FinalEquity(columns, set, options)).ShouldBe(decimal.GetBits(alone), $"{name} {set}");
        }
    }

    public static TheoryData<string, BacktestOptions> OtherOptions() => new()
    {
        { "fractional shares", new BacktestOptions { Risk = RiskLimits.None, AllowFractionalShares = true } },
        { "commission (engine fallback)", new BacktestOptions { Risk = RiskLimits.None, Commission = new PerShareCommission(0.005m, 1m) } },
        { "platform risk rules (engine fallback)", new BacktestOptions() },
        { "small account", new BacktestOptions { Risk = RiskLimits.None, InitialCash = 1_000m } },
    };
}
