using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Platform;

/// <summary>
/// An operator moving the simulated feed through the admin API (<c>/api/v1/market/admin/shocks</c>), as one would to
/// rehearse a crash: the same audited mechanism, no test hook. Each test shocks its own symbols and resets them after.
/// </summary>
public sealed class TradingLoopMarket(HttpClient gateway, PlatformUser admin) : IAsyncDisposable
{
    private readonly HashSet<string> _shocked = new(StringComparer.Ordinal);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<TradingLoopMarket> AsAdminAsync(PlatformFixture platform, HttpClient gateway) =>
        new(gateway, await platform.NewAdminAsync(gateway));

    /// <summary>Moves <paramref name="symbol"/> by <paramref name="changePercent"/> and waits until the quotes show it.</summary>
    public async Task<JsonElement> ShockAsync(string symbol, decimal changePercent, string reason)
    {
        var before = await LastAsync(symbol);
        var shock = await PostAsync("/api/v1/market/admin/shocks", new { symbol, changePercent, reason });
        _shocked.Add(symbol);
        var effectiveAt = shock.GetProperty("effectiveAt").GetDateTimeOffset();
        await WaitForQuoteAsync(symbol, effectiveAt);
        var after = await LastAsync(symbol);
        // The simulation keeps wandering, a few basis points in these seconds: the shock dominates.
        (after / before).ShouldBe(1m + changePercent / 100m, 0.01m, $"{symbol} {before} → {after}");
        return shock;
    }

    public async Task ResetAsync(string symbol)
    {
        var reset = await PostAsync($"/api/v1/market/admin/shocks/{symbol}/reset", new { reason = "end of the rehearsal" });
        await WaitForQuoteAsync(symbol, reset.GetProperty("effectiveAt").GetDateTimeOffset());
        _shocked.Remove(symbol);
    }

    public async Task<decimal> LastAsync(string symbol) => (await QuoteAsync(symbol)).GetProperty("last").GetDecimal();

    public async ValueTask DisposeAsync() => await Task.WhenAll(_shocked.ToList().Select(ResetAsync));

    private async Task<JsonElement> QuoteAsync(string symbol)
    {
        using var response = await gateway.GetAsync($"/api/v1/market/quotes?symbols={symbol}", admin.AccessToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("quotes")[0];
    }

    private Task WaitForQuoteAsync(string symbol, DateTimeOffset effectiveAt) =>
        Poll.UntilAsync(
            async () => (await QuoteAsync(symbol)).GetProperty("timestamp").GetDateTimeOffset() >= effectiveAt.AddMilliseconds(100),
            TradingLoopTrader.Eventually,
            $"{symbol} quoted after the shock took effect at {effectiveAt:O}");

    private async Task<JsonElement> PostAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin.AccessToken);
        using var response = await gateway.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        return JsonSerializer.Deserialize<JsonElement>(text);
    }
}
