namespace TradeNova.Trading.Statistics;

/// <summary>The performance figures of one equity curve and its trades. Money is <see cref="decimal"/>; ratios are
/// <see cref="double"/> fractions (0.05 = 5%). A figure is null when it is undefined for the input (for example Sharpe
/// of a flat curve, or profit factor with no losing trade) rather than a misleading 0 or infinity. Every formula is
/// documented on <see cref="PerformanceStatistics.Compute"/>.</summary>
public sealed record PerformanceReport
{
    public DateTimeOffset? Start { get; init; }
    public DateTimeOffset? End { get; init; }

    /// <summary>Calendar days between the first and the last equity point.</summary>
    public double CalendarDays { get; init; }

    public decimal StartEquity { get; init; }
    public decimal EndEquity { get; init; }

    /// <summary>End equity minus start equity.</summary>
    public decimal NetProfit { get; init; }

    public double TotalReturn { get; init; }
    public double? Cagr { get; init; }
    public double? AnnualizedVolatility { get; init; }
    public double? Sharpe { get; init; }
    public double? Sortino { get; init; }

    /// <summary>Largest peak-to-trough fall as a positive fraction of the peak (0.25 = a 25% drawdown).</summary>
    public double MaxDrawdown { get; init; }

    /// <summary>Longest time, in calendar days, from a peak until equity is back at that peak (or until the end).</summary>
    public double MaxDrawdownDurationDays { get; init; }

    public double? Calmar { get; init; }

    public int TradeCount { get; init; }
    public int WinningTrades { get; init; }
    public int LosingTrades { get; init; }
    public double? WinRate { get; init; }
    public double? ProfitFactor { get; init; }
    public decimal? AverageWin { get; init; }

    /// <summary>Mean net profit of the losing trades (a negative amount).</summary>
    public decimal? AverageLoss { get; init; }

    /// <summary>Mean net profit per trade.</summary>
    public decimal? Expectancy { get; init; }

    /// <summary>Fraction of the time steps with a position held.</summary>
    public double Exposure { get; init; }

    public decimal FeesPaid { get; init; }

    public double? Alpha { get; init; }
    public double? Beta { get; init; }
}
