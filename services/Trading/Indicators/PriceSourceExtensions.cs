using System.Runtime.CompilerServices;
using TradeNova.Trading.Data;

namespace TradeNova.Trading.Indicators;

/// <summary>Reads a bar field as <see cref="double"/>: indicators are statistics, not money, so the decimal price is
/// converted once per bar here.</summary>
public static class PriceSourceExtensions
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Read(this PriceSource source, in Bar bar) => source switch
    {
        PriceSource.Close => (double)bar.Close,
        PriceSource.Open => (double)bar.Open,
        PriceSource.High => (double)bar.High,
        PriceSource.Low => (double)bar.Low,
        PriceSource.Volume => (double)bar.Volume,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown price source."),
    };
}
