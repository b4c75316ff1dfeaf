using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TradeNova.IntegrationTests.Infrastructure;
using TradeNova.IntegrationTests.Platform;

namespace TradeNova.IntegrationTests.Backtests;

/// <summary>The lab's API as a client uses it through the gateway.</summary>
public static class BacktestCalls
{
    public static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(120);

    /// <summary>SMA(10)/SMA(30) on the bundled S&amp;P 500: all cash, whole shares, no costs, no risk rules.</summary>
    public static object SmaReferenceRequest(string? name = null) => new
    {
        name = name ?? "SMA 10/30 reference",
        initialCash = 100_000,
        strategy = new { name = "sma-crossover", parameters = new { symbol = "SPX", fastPeriod = 10, slowPeriod = 30 } },
        sizing = new { mode = "all-cash" },
        fractionalShares = false,
        risk = new { enabled = false },
    };

    /// <summary>An optimisation big enough to take seconds on a busy machine.</summary>
    public static object LongOptimization(int fastMax = 60, int slowMax = 250) => new
    {
        name = "long grid",
        strategy = new { name = "sma-crossover", parameters = new { symbol = "SPX", fastPeriod = 10, slowPeriod = 30 } },
        sizing = new { mode = "all-cash" },
        risk = new { enabled = false },
        optimization = new
        {
            parameters = new object[] { new { name = "fastPeriod", min = 2, max = fastMax, step = 1 }, new { name = "slowPeriod", min = 100, max = slowMax, step = 5 } },
            objective = "sharpe",
        },
    };

    /// <summary>A walk-forward optimisation of the same 79 × 39 sets on every window of 1,000 in-sample bars, then on the
    /// whole history (so a finished job reports 79 × 39 evaluated). With 50-bar out-of-sample windows that is 82 windows,
    /// about 9 times the bar-steps of <see cref="LongOptimization"/>(80, 290), so it is still running seconds after it
    /// started even now that the searches share indicator columns; 250-bar windows (16) make about 4 times.</summary>
    public static object SlowWalkForward(int outOfSampleBars = 50) => new
    {
        name = "slow walk-forward",
        strategy = new { name = "sma-crossover", parameters = new { symbol = "SPX", fastPeriod = 10, slowPeriod = 30 } },
        sizing = new { mode = "all-cash" },
        risk = new { enabled = false },
        optimization = new
        {
            parameters = new object[] { new { name = "fastPeriod", min = 2, max = 80, step = 1 }, new { name = "slowPeriod", min = 100, max = 290, step = 5 } },
            objective = "sharpe",
            walkForward = new { inSampleBars = 1000, outOfSampleBars },
        },
    };

    /// <summary>A gateway client with room for a machine under heavy load (a cold endpoint's first call, Identity's
    /// password hashing), where the fixture's 30 s would fail a correct test.</summary>
    public static HttpClient Client(PlatformFixture platform) => new() { BaseAddress = platform.GatewayAddress, Timeout = TimeSpan.FromMinutes(2) };

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(this HttpClient gateway, string path, PlatformUser user, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        using var response = await gateway.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<(HttpStatusCode Status, string Body)> SendAsync(this HttpClient gateway, HttpMethod method, string path, PlatformUser user)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        using var response = await gateway.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<Guid> SubmitAsync(this HttpClient gateway, PlatformUser user, object body, string path = "/api/v1/backtests")
    {
        var (status, json) = await gateway.PostAsync(path, user, body);
        if (status != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"submit: expected 202, got {(int)status}: {json}");
        return json.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> GetJobAsync(this HttpClient gateway, PlatformUser user, Guid id)
    {
        var (status, body) = await gateway.SendAsync(HttpMethod.Get, $"/api/v1/backtests/{id}", user);
        if (status != HttpStatusCode.OK)
            throw new InvalidOperationException($"get: {(int)status}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Polls until the job reaches a terminal state and returns its detail.</summary>
    public static Task<JsonElement> WaitForJobAsync(this HttpClient gateway, PlatformUser user, Guid id, TimeSpan? timeout = null) =>
        Poll.UntilAsync(
            () => gateway.GetJobAsync(user, id),
            detail => detail.GetProperty("job").GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled",
            timeout ?? JobTimeout,
            $"backtest {id} finished");

    public static string Status(this JsonElement detail) => detail.GetProperty("job").GetProperty("status").GetString()!;
}
