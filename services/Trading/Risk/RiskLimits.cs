namespace TradeNova.Trading.Risk;

/// <summary>The risk rules of one account. Every limit is nullable: null switches that rule off, so a backtest can run
/// with the platform's rules, tighter ones, or none. Fractions are of equity (0.10 = 10%).</summary>
/// <param name="MaxPositionFraction">Largest value of one position, as a fraction of equity, after the order.</param>
/// <param name="MaxOpenPositions">Most symbols held at once (an order opening a new symbol beyond it is rejected).</param>
/// <param name="DailyLossFraction">Loss from start-of-day equity that halts opening orders for the rest of the UTC day.</param>
/// <param name="MaxDrawdownFraction">Drop from peak equity that halts opening orders until the halt is reset.</param>
/// <param name="DefaultStopLoss">Stop-loss distance attached to an opening order that has no bracket of its own.</param>
/// <param name="DefaultTakeProfit">Take-profit distance attached to an opening order that has no bracket of its own.</param>
public sealed record RiskLimits(
    decimal? MaxPositionFraction,
    int? MaxOpenPositions,
    decimal? DailyLossFraction,
    decimal? MaxDrawdownFraction,
    decimal? DefaultStopLoss,
    decimal? DefaultTakeProfit)
{
    /// <summary>The platform's defaults for every user (ARCHITECTURE.md, risk defaults): 10% per position, 10 open
    /// positions, 5% daily loss, 15% drawdown, stop-loss 5% and take-profit 10% on every opening order.</summary>
    public static RiskLimits PlatformDefaults { get; } = new(0.10m, 10, 0.05m, 0.15m, 0.05m, 0.10m);

    /// <summary>Every rule switched off.</summary>
    public static RiskLimits None { get; } = new(null, null, null, null, null, null);
}
