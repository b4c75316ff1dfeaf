namespace TradeNova.LoadDriver;

public static class Percentiles
{
    /// <summary>Nearest-rank percentile (p in 0..100) of milliseconds; NaN for no data.</summary>
    public static double Of(IReadOnlyList<double> sortedMilliseconds, double p) =>
        sortedMilliseconds.Count == 0
            ? double.NaN
            : sortedMilliseconds[Math.Clamp((int)Math.Ceiling(p / 100.0 * sortedMilliseconds.Count) - 1, 0, sortedMilliseconds.Count - 1)];
}
