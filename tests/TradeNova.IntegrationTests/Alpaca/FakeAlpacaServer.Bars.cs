using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace TradeNova.IntegrationTests.Alpaca;

/// <summary>
/// Played-back historical bars: <c>GET /v2/stocks/bars</c> for symbols given to <see cref="PlayBars"/> answers from them,
/// by symbol then time, <see cref="BarsPageSize"/> bars a page with an opaque <c>next_page_token</c>, as documented.
/// Symbols never played keep the fixed two-page answer.
/// </summary>
public sealed partial class FakeAlpacaServer
{
    private readonly ConcurrentDictionary<string, FakeBar[]> _playedBars = new(StringComparer.Ordinal);

    public int BarsPageSize { get; set; } = 3;

    public void PlayBars(string symbol, params FakeBar[] bars) => _playedBars[symbol] = [.. bars.OrderBy(b => b.Time)];

    /// <summary>The bar requests that asked for <paramref name="symbol"/>.</summary>
    public IReadOnlyList<RecordedAlpacaRequest> BarRequestsFor(string symbol) =>
        RequestsTo("GET", "/v2/stocks/bars").Where(r => r.Query.TryGetValue("symbols", out var s) && s.Split(',').Contains(symbol)).ToList();

    private async Task<bool> TryWritePlayedBarsAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var symbols = query["symbols"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (symbols.Length == 0 || !symbols.Any(_playedBars.ContainsKey))
        {
            return false;
        }

        if (string.IsNullOrEmpty(query["timeframe"]))
        {
            Violations.Enqueue("GET /v2/stocks/bars: timeframe is required");
        }

        var start = Time(query["start"].ToString(), "start", DateTimeOffset.MinValue);
        var end = Time(query["end"].ToString(), "end", DateTimeOffset.MaxValue);
        var limit = int.TryParse(query["limit"], out var l) ? Math.Min(l, BarsPageSize) : BarsPageSize;
        var all = symbols.Order(StringComparer.Ordinal)
            .SelectMany(s => _playedBars.GetValueOrDefault(s, []).Where(b => b.Time >= start && b.Time <= end).Select(b => (Symbol: s, Bar: b)))
            .ToList();
        var token = query["page_token"].ToString();
        var offset = 0;
        if (token.Length > 0 && !(token.StartsWith("cGFnZS", StringComparison.Ordinal) && int.TryParse(
                System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(token))["page-".Length..], out offset)))
        {
            await WriteAsync(context, 422, """{"code":42210000,"message":"invalid page token"}""");
            return true;
        }

        var page = all.Skip(offset).Take(limit).ToList();
        var bars = new JsonObject();
        foreach (var group in page.GroupBy(p => p.Symbol))
        {
            bars[group.Key] = new JsonArray([.. group.Select(p => (JsonNode)p.Bar.ToJson())]);
        }

        var next = offset + page.Count < all.Count ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"page-{offset + page.Count}")) : null;
        await WriteAsync(context, 200, new JsonObject { ["bars"] = bars, ["next_page_token"] = next, ["currency"] = "USD" }.ToJsonString());
        return true;
    }

    private DateTimeOffset Time(string value, string name, DateTimeOffset absent)
    {
        if (value.Length == 0)
        {
            return absent;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        Violations.Enqueue($"GET /v2/stocks/bars: {name} is not RFC 3339 or a date: {value}");
        return absent;
    }
}
