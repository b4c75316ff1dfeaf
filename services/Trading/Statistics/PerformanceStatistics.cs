namespace TradeNova.Trading.Statistics;

/// <summary>The one performance-statistics module of the platform: backtests and live portfolios call
/// <see cref="Compute"/> with the same kind of input, so their figures are comparable.</summary>
public static class PerformanceStatistics
{
    /// <summary>Trading days per year, used to annualise daily figures.</summary>
    public const double TradingDaysPerYear = 252.0;

    /// <summary>Calendar days per year, used for CAGR.</summary>
    public const double CalendarDaysPerYear = 365.25;

    /// <summary>A daily-return standard deviation below this is floating-point noise of a flat or constant-growth
    /// curve, not risk; Sharpe is then undefined (null) and volatility is reported as 0.</summary>
    private const double NoiseFloor = 1e-14;

    /// <summary>Computes the performance report. With E_0 … E_n the equity points, r_i = E_i / E_(i-1) - 1 the daily
    /// close-to-close returns (i = 1 … n, steps with E_(i-1) ≤ 0 skipped), r̄ their mean and s their sample standard
    /// deviation (divisor n - 1):
    /// <list type="bullet">
    /// <item><description>Total return = E_n / E_0 - 1.</description></item>
    /// <item><description>CAGR = (E_n / E_0)^(1 / y) - 1 with y = calendar days between the first and last point / 365.25;
    /// null with fewer than two points or E_0 ≤ 0; -1 when E_n ≤ 0.</description></item>
    /// <item><description>Annualised volatility = s × √252 (needs two returns; 0 for a flat curve).</description></item>
    /// <item><description>Sharpe = r̄ / s × √252, risk-free rate 0; null when s is 0.</description></item>
    /// <item><description>Sortino = r̄ / d × √252 with the downside deviation d = √(Σ min(r_i, 0)² / n) — target 0,
    /// divided by all n returns (not only the negative ones); null when no return is negative.</description></item>
    /// <item><description>Max drawdown = max_t (P_t - E_t) / P_t with P_t the running peak, a positive fraction; its
    /// duration is the longest calendar time from any peak to the first point back at or above it, or to the last point
    /// if never recovered.</description></item>
    /// <item><description>Calmar = CAGR / |max drawdown|; null without drawdown or CAGR.</description></item>
    /// <item><description>Trades: a trade wins if its net profit (after fees) is &gt; 0, loses if &lt; 0. Win rate = wins /
    /// trades; profit factor = Σ winning net / |Σ losing net| (null without a loss); average win / loss = mean net
    /// profit of winners / losers; expectancy = mean net profit of all trades.</description></item>
    /// <item><description>Exposure = BarsInMarket / TotalBars (0 when there are no bars).</description></item>
    /// <item><description>Beta = cov(r_p, r_b) / var(r_b) and alpha = (r̄_p - beta × r̄_b) × 252 (Jensen's alpha with
    /// risk-free 0, annualised arithmetically), on the returns of both series restricted to their common dates;
    /// null without a benchmark, with fewer than two common returns or a flat benchmark.</description></item>
    /// </list>
    /// A ratio that is not a finite number (CAGR of a tenfold gain over a single day overflows) is reported as null, so
    /// a report can always be serialised.</summary>
    public static PerformanceReport Compute(StatisticsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var equity = input.Equity;
        var trades = TradeSummary.Of(input.Trades);
        var scan = CurveScan.Of(equity);
        var drawdown = scan.Drawdown;
        var (alpha, beta) = BenchmarkRegression.Fit(equity, input.Benchmark);
        var exposure = input.TotalBars > 0 ? (double)input.BarsInMarket / input.TotalBars : 0.0;

        var report = new PerformanceReport
        {
            MaxDrawdown = drawdown.MaxDrawdown,
            MaxDrawdownDurationDays = drawdown.LongestDurationDays,
            TradeCount = trades.Count,
            WinningTrades = trades.Wins,
            LosingTrades = trades.Losses,
            WinRate = trades.WinRate,
            ProfitFactor = trades.ProfitFactor,
            AverageWin = trades.AverageWin,
            AverageLoss = trades.AverageLoss,
            Expectancy = trades.Expectancy,
            Exposure = exposure,
            FeesPaid = input.FeesPaid,
            Alpha = Finite(alpha),
            Beta = Finite(beta),
        };
        if (equity.Count == 0)
            return report;

        var first = equity[0];
        var last = equity[^1];
        var days = (last.Time - first.Time).TotalDays;
        var totalReturn = TotalReturn(first.Equity, last.Equity);
        var cagr = FiniteCagr(first.Equity, last.Equity, days);
        var (volatility, sharpe, sortino) = ReturnRatios(scan);

        return report with
        {
            Start = first.Time,
            End = last.Time,
            CalendarDays = days,
            StartEquity = first.Equity,
            EndEquity = last.Equity,
            NetProfit = last.Equity - first.Equity,
            TotalReturn = totalReturn,
            Cagr = cagr,
            AnnualizedVolatility = Finite(volatility),
            Sharpe = Finite(sharpe),
            Sortino = Finite(sortino),
            Calmar = cagr is { } c && drawdown.MaxDrawdown > 0 ? Finite(c / drawdown.MaxDrawdown) : null,
        };
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    /// <summary>The report's total return from the first and last equity points: an optimiser that knows only those
    /// (<see cref="Optimization.SmaCrossoverScreen"/>) computes the same double through here.</summary>
    internal static double TotalReturn(decimal start, decimal end) => start > 0 ? (double)end / (double)start - 1.0 : 0.0;

    /// <summary>The report's CAGR from the first and last equity points and the calendar days between them.</summary>
    internal static double? FiniteCagr(decimal start, decimal end, double days) => Finite(Cagr(start, end, days));

    private static double? Cagr(decimal start, decimal end, double days)
    {
        if (days <= 0 || start <= 0)
            return null;
        if (end <= 0)
            return -1.0;
        return Math.Pow((double)end / (double)start, CalendarDaysPerYear / days) - 1.0;
    }

    private static (double? Volatility, double? Sharpe, double? Sortino) ReturnRatios(in CurveScan scan)
    {
        var returns = scan.Returns;
        if (returns.Length < 2)
            return (null, null, null);

        // Mean r̄ = Σ r_i / n and downside deviation √(Σ min(r_i, 0)² / n), from sums taken in the curve's single pass.
        var mean = scan.ReturnSum / returns.Length;
        var deviation = DailyReturns.SampleStandardDeviation(returns, mean);
        var downside = Math.Sqrt(scan.DownsideSquares / returns.Length);
        var annualiser = Math.Sqrt(TradingDaysPerYear);
        var flat = deviation < NoiseFloor;
        return (
            flat ? 0.0 : deviation * annualiser,
            flat ? null : mean / deviation * annualiser,
            downside > 0 ? mean / downside * annualiser : null);
    }
}
