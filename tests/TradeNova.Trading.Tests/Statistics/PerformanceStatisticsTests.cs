using TradeNova.Trading.Results;
using TradeNova.Trading.Statistics;

namespace TradeNova.Trading.Tests.StatisticsTests;

/// <summary>Tiny series whose figures are computed by hand in the comments.</summary>
public sealed class PerformanceStatisticsTests
{
    private static readonly DateTimeOffset Day0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static EquityPoint[] Daily(params decimal[] values) => [.. values.Select((v, i) => new EquityPoint(Day0.AddDays(i), v))];

    private static PerformanceReport Compute(EquityPoint[] equity, ClosedTrade[]? trades = null, EquityPoint[]? benchmark = null,
        int barsInMarket = 0, int totalBars = 0, decimal fees = 0m) =>
        PerformanceStatistics.Compute(new StatisticsInput(equity, trades ?? [], fees, barsInMarket, totalBars, benchmark));

    private static ClosedTrade Trade(decimal net) => new("SPX", 1m, Day0, 100m, Day0.AddDays(1), 100m + net, 0m, "test");

    [Fact]
    public void Returns_volatility_sharpe_and_sortino_of_a_three_step_series()
    {
        // Returns +10%, -10%, +10%: mean 1/30, sample variance (2·(1/15)² + (2/15)²)/2 = 1/75, s = 0.11547;
        // Sharpe = (1/30)/0.11547·√252 = 4.5826; downside deviation √(0.01/3) → Sortino 9.1652.
        var report = Compute(Daily(100m, 110m, 99m, 108.9m));
        report.TotalReturn.ShouldBe(0.089, 1e-12);
        report.NetProfit.ShouldBe(8.9m);
        report.AnnualizedVolatility!.Value.ShouldBe(Math.Sqrt(1.0 / 75) * Math.Sqrt(252), 1e-12);
        report.Sharpe!.Value.ShouldBe(1.0 / 30 / Math.Sqrt(1.0 / 75) * Math.Sqrt(252), 1e-9);
        report.Sortino!.Value.ShouldBe(1.0 / 30 / Math.Sqrt(0.01 / 3) * Math.Sqrt(252), 1e-9);
        report.MaxDrawdown.ShouldBe(0.1, 1e-15);
        report.MaxDrawdownDurationDays.ShouldBe(2); // peak on day 1, still below it on day 3
    }

    [Fact]
    public void Cagr_uses_calendar_days_over_365_25()
    {
        var equity = new[] { new EquityPoint(new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), 100m), new EquityPoint(new(2002, 1, 1, 0, 0, 0, TimeSpan.Zero), 121m) };
        var report = Compute(equity);
        report.CalendarDays.ShouldBe(731);
        report.Cagr!.Value.ShouldBe(Math.Pow(1.21, 365.25 / 731) - 1, 1e-15);
    }

    [Fact]
    public void Longest_drawdown_counts_from_the_peak_to_the_recovery_and_calmar_divides_cagr_by_the_depth()
    {
        // Peak 120 on day 1, 90 on day 2 (-25%), back above on day 4 (3 days); new peak 125, underwater days 5-6 (2 days).
        var report = Compute(Daily(100m, 120m, 90m, 100m, 125m, 110m, 111m));
        report.MaxDrawdown.ShouldBe(0.25, 1e-15);
        report.MaxDrawdownDurationDays.ShouldBe(3);
        report.Calmar!.Value.ShouldBe(report.Cagr!.Value / 0.25, 1e-12);
    }

    [Fact]
    public void Trade_figures_count_wins_losses_and_breakevens_after_fees()
    {
        // Nets +100, -50, +30, 0: 2 wins, 1 loss; win rate 2/4; profit factor 130/50; averages 65 and -50; expectancy 80/4.
        var report = Compute(Daily(1000m, 1080m), [Trade(100m), Trade(-50m), Trade(30m), Trade(0m)], barsInMarket: 3, totalBars: 4, fees: 12.5m);
        report.TradeCount.ShouldBe(4);
        report.WinningTrades.ShouldBe(2);
        report.LosingTrades.ShouldBe(1);
        report.WinRate.ShouldBe(0.5);
        report.ProfitFactor.ShouldBe(2.6);
        report.AverageWin.ShouldBe(65m);
        report.AverageLoss.ShouldBe(-50m);
        report.Expectancy.ShouldBe(20m);
        report.Exposure.ShouldBe(0.75);
        report.FeesPaid.ShouldBe(12.5m);
    }

    [Fact]
    public void Fees_are_part_of_a_trades_net_profit()
    {
        var trade = new ClosedTrade("SPX", 10m, Day0, 100m, Day0.AddDays(3), 100.5m, 6m, "exit"); // gross +5, net -1
        Compute(Daily(1000m, 999m), [trade]).LosingTrades.ShouldBe(1);
    }

    [Fact]
    public void Beta_and_alpha_of_a_doubled_benchmark_are_two_and_zero()
    {
        // Benchmark returns +10%, -10%, +10%; the portfolio's are exactly twice as large.
        var report = Compute(Daily(100m, 120m, 96m, 115.2m), benchmark: Daily(100m, 110m, 99m, 108.9m));
        report.Beta!.Value.ShouldBe(2, 1e-12);
        report.Alpha!.Value.ShouldBe(0, 1e-12);
    }

    [Fact]
    public void Alpha_is_the_annualised_daily_intercept()
    {
        // Portfolio = benchmark + 0.1% every day (beta 1): alpha = 0.001 × 252.
        decimal[] benchmark = [100m, 101m, 100m, 102m, 101m];
        var portfolio = new decimal[benchmark.Length];
        portfolio[0] = 100m;
        for (var i = 1; i < benchmark.Length; i++)
            portfolio[i] = portfolio[i - 1] * (benchmark[i] / benchmark[i - 1] + 0.001m);
        var report = Compute(Daily(portfolio), benchmark: Daily(benchmark));
        report.Beta!.Value.ShouldBe(1, 1e-9);
        report.Alpha!.Value.ShouldBe(0.252, 1e-9);
    }

    [Fact]
    public void Benchmark_figures_are_undefined_without_a_benchmark_or_common_dates()
    {
        Compute(Daily(100m, 101m, 102m)).Beta.ShouldBeNull();
        var elsewhere = Daily(1m, 2m, 3m).Select(p => p with { Time = p.Time.AddYears(5) }).ToArray();
        Compute(Daily(100m, 101m, 102m), benchmark: elsewhere).Alpha.ShouldBeNull();
    }

    [Fact]
    public void Flat_equity_has_zero_volatility_and_undefined_sharpe_sortino_and_calmar()
    {
        var report = Compute(Daily(5000m, 5000m, 5000m, 5000m));
        report.AnnualizedVolatility.ShouldBe(0);
        report.Sharpe.ShouldBeNull();
        report.Sortino.ShouldBeNull();
        report.MaxDrawdown.ShouldBe(0);
        report.MaxDrawdownDurationDays.ShouldBe(0);
        report.Calmar.ShouldBeNull();
        report.Cagr.ShouldBe(0);
    }

    [Fact]
    public void No_trades_leave_trade_ratios_undefined()
    {
        var report = Compute(Daily(100m, 101m));
        report.TradeCount.ShouldBe(0);
        report.WinRate.ShouldBeNull();
        report.ProfitFactor.ShouldBeNull();
        report.AverageWin.ShouldBeNull();
        report.AverageLoss.ShouldBeNull();
        report.Expectancy.ShouldBeNull();
        report.Exposure.ShouldBe(0);
    }

    [Fact]
    public void One_point_gives_a_zero_return_and_no_annualised_figures()
    {
        var report = Compute(Daily(100m));
        report.TotalReturn.ShouldBe(0);
        report.StartEquity.ShouldBe(100m);
        report.Cagr.ShouldBeNull();
        report.AnnualizedVolatility.ShouldBeNull();
        report.Sharpe.ShouldBeNull();
    }

    [Fact]
    public void An_empty_curve_gives_an_empty_report()
    {
        var report = Compute([]);
        report.Start.ShouldBeNull();
        report.TotalReturn.ShouldBe(0);
        report.MaxDrawdown.ShouldBe(0);
    }

    [Fact]
    public void Constant_growth_is_not_mistaken_for_risk()
    {
        // Floating-point noise of identical returns must not produce a huge Sharpe ratio.
        var values = new decimal[30];
        values[0] = 1000m;
        for (var i = 1; i < values.Length; i++)
            values[i] = values[i - 1] * 1.01m;
        var report = Compute(Daily(values));
        report.AnnualizedVolatility.ShouldBe(0);
        report.Sharpe.ShouldBeNull();
    }

    [Fact]
    public void A_wiped_out_account_has_a_cagr_of_minus_one()
    {
        Compute(Daily(100m, 50m, 0m)).Cagr.ShouldBe(-1);
    }

    [Fact]
    public void A_cagr_too_large_to_represent_is_undefined_rather_than_infinite()
    {
        var report = Compute(Daily(100m, 1000m));
        report.TotalReturn.ShouldBe(9, 1e-12);
        report.Cagr.ShouldBeNull();
        System.Text.Json.JsonSerializer.Serialize(report).ShouldNotBeNullOrEmpty();
    }
}
