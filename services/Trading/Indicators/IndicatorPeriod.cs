namespace TradeNova.Trading.Indicators;

/// <summary>Shared argument checks and drift control for the indicators.</summary>
internal static class IndicatorPeriod
{
    /// <summary>Running sums are recomputed exactly from the window after this many updates, so that floating-point
    /// error cannot accumulate over long histories; amortised, this adds period/1024 additions per update.</summary>
    public const int RecomputeInterval = 1024;

    public static int Require(int period, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1, name);
        return period;
    }
}
