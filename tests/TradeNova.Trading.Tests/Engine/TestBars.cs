using TradeNova.Trading.Data;

namespace TradeNova.Trading.Tests.Engine;

/// <summary>Builds small hand-written series for the worked scenarios.</summary>
internal static class TestBars
{
    /// <summary>Monday 2024-01-01 UTC, the first day of every scenario.</summary>
    public static readonly DateTimeOffset Day0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Day(int n) => Day0.AddDays(n);

    /// <summary>Daily bars on consecutive calendar days from <see cref="Day0"/>; a null entry leaves that day without a bar.</summary>
    public static BarSeries Daily(string symbol, params (decimal Open, decimal High, decimal Low, decimal Close)?[] bars)
    {
        var list = new List<Bar>();
        for (var i = 0; i < bars.Length; i++)
        {
            if (bars[i] is { } b)
            {
                list.Add(new Bar(Day(i), b.Open, b.High, b.Low, b.Close, 1_000m));
            }
        }

        return new BarSeries(symbol, list.ToArray());
    }

    /// <summary>A flat bar: open, high, low and close all equal.</summary>
    public static (decimal, decimal, decimal, decimal)? Flat(decimal price) => (price, price, price, price);
}
