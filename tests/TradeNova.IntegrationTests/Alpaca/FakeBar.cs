using System.Text.Json.Nodes;

namespace TradeNova.IntegrationTests.Alpaca;

/// <summary>A bar the fake server plays back, written with market data v2's single-letter fields (plus one Alpaca never sent).</summary>
public sealed record FakeBar(DateTimeOffset Time, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume)
{
    public JsonObject ToJson() => new()
    {
        ["t"] = Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
        ["o"] = Open, ["h"] = High, ["l"] = Low, ["c"] = Close, ["v"] = Volume,
        ["n"] = 1000, ["vw"] = Math.Round((High + Low + Close) / 3m, 4),
        ["x_field_added_later"] = "ignored",
    };

    /// <summary><paramref name="count"/> daily bars from <paramref name="firstDay"/> (weekdays, 05:00Z as Alpaca stamps them), closes from <paramref name="closes"/>.</summary>
    public static FakeBar[] Daily(DateOnly firstDay, params decimal[] closes)
    {
        var bars = new List<FakeBar>();
        var day = firstDay;
        foreach (var close in closes)
        {
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                day = day.AddDays(1);
            }

            var time = new DateTimeOffset(day.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero);
            var open = bars.Count == 0 ? close : bars[^1].Close;
            bars.Add(new FakeBar(time, open, Math.Max(open, close) + 1m, Math.Min(open, close) - 1m, close, 100_000m + bars.Count));
            day = day.AddDays(1);
        }

        return [.. bars];
    }
}
