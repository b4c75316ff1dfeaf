using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TradeNova.Trading.Data;
using TradeNova.Trading.Engine;
using TradeNova.Trading.Optimization;
using TradeNova.Trading.Risk;

// The backtesting lab against a running platform, over loopback, bounded (sequential requests, a fixed count).
//   dotnet run -c Release --project tests/TradeNova.LabBenchmark -- http://127.0.0.1:5100 [runs=30] [grids=3]
// 1. POST → stored result for a 20-year daily single-symbol backtest (SMA 10/30 on the bundled S&P 500), p50/p90.
// 2. Parameter sets per second for a 1,000-set grid through the API, next to the same grid run in this process by the
//    same optimiser over the same engine (the engine's own figure, measured in the same run on the same machine).
var gateway = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:5100");
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
var grids = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
if (!gateway.IsLoopback)
{
    Console.Error.WriteLine("Refusing a non-loopback target: this benchmark is for the local platform only.");
    return 2;
}

using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(5) };
var single = new
{
    strategy = new { name = "sma-crossover", parameters = new { symbol = "SPX", fastPeriod = 10, slowPeriod = 30 } },
    sizing = new { mode = "all-cash" },
    risk = new { enabled = false },
};
var grid = new
{
    strategy = new { name = "sma-crossover", parameters = new { symbol = "SPX", fastPeriod = 10, slowPeriod = 30 } },
    sizing = new { mode = "all-cash" },
    risk = new { enabled = false },
    optimization = new
    {
        parameters = new object[] { new { name = "fastPeriod", min = 1, max = 50, step = 1 }, new { name = "slowPeriod", min = 60, max = 250, step = 10 } },
        objective = "sharpe",
    },
};

Console.WriteLine($"TradeNova lab benchmark against {gateway} ({Environment.ProcessorCount} logical cores here; load average {LoadAverage()})");
var token = await NewUserAsync(http);
var used = 0;
for (var i = 0; i < 3; i++)
{
    await RunAsync(http, token, "/api/v1/backtests", single); // warm-up: JIT, connection pools, caches
    used++;
}

var client = new List<double>();
var server = new List<double>();
for (var i = 0; i < runs; i++)
{
    if (++used % 45 == 0)
        token = await NewUserAsync(http); // daily run quota per user
    var (elapsed, job) = await RunAsync(http, token, "/api/v1/backtests", single);
    client.Add(elapsed);
    server.Add((job.GetProperty("completedAt").GetDateTimeOffset() - job.GetProperty("createdAt").GetDateTimeOffset()).TotalMilliseconds);
}

Console.WriteLine(Invariant($"20-year daily backtest (SPX 2000-01-03..2020-04-17, 5,105 bars), {runs} runs, POST to stored result:"));
Console.WriteLine(Invariant($"  client (POST → SSE terminal event → GET result): p50 {Percentile(client, 50):F0} ms, p90 {Percentile(client, 90):F0} ms, min {client.Min():F0} ms"));
Console.WriteLine(Invariant($"  server (job created_at → completed_at):          p50 {Percentile(server, 50):F0} ms, p90 {Percentile(server, 90):F0} ms, min {server.Min():F0} ms"));

var apiRates = new List<double>();
var engineRates = new List<double>();
var data = new MarketDataSet([BundledMarketData.Sp500()]);
var ranges = new[] { new ParameterRange("fastPeriod", 1, 50, 1), new ParameterRange("slowPeriod", 60, 250, 10) };
var sets = ParameterSpace.Grid(ranges);
var evaluate = CatalogStrategyEvaluator.Create("sma-crossover",
    JsonSerializer.SerializeToElement(new { symbol = "SPX", fastPeriod = 10, slowPeriod = 30 }), new BacktestOptions { Risk = RiskLimits.None });
var settings = new OptimizationSettings(OptimizationObjective.Sharpe, []);
Optimizer.Run(sets.Take(50).ToArray(), data, evaluate, settings); // warm-up
for (var i = 0; i < grids; i++)
{
    if (++used % 45 == 0)
        token = await NewUserAsync(http);
    var (elapsed, job) = await RunAsync(http, token, "/api/v1/backtests/optimizations", grid);
    var evaluated = (await GetAsync(http, token, job.GetProperty("id").GetGuid())).GetProperty("result").GetProperty("evaluated").GetInt32();
    apiRates.Add(evaluated / (elapsed / 1000));

    var clock = Stopwatch.StartNew();
    var result = Optimizer.Run(sets, data, evaluate, settings);
    engineRates.Add(result.Evaluations.Count / clock.Elapsed.TotalSeconds);
}

var api = Percentile(apiRates, 50);
var engine = Percentile(engineRates, 50);
Console.WriteLine(Invariant($"1,000-set grid (SMA fast 1..50 × slow 60..250 step 10, objective Sharpe, statistics per set), {grids} rounds, median:"));
Console.WriteLine(Invariant($"  through the API (POST → result stored and read): {api:N0} sets/s  [{string.Join(", ", apiRates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))}]"));
Console.WriteLine(Invariant($"  engine in this process (same optimiser, Parallel.For): {engine:N0} sets/s  [{string.Join(", ", engineRates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))}]"));
Console.WriteLine(Invariant($"  API / engine = {api / engine:P0} (target ≥ 50%); load average now {LoadAverage()}"));
return 0;

static async Task<string> NewUserAsync(HttpClient http)
{
    var email = $"bench-{Guid.NewGuid():N}@example.test";
    var password = $"Bench-{Guid.NewGuid():N}"[..24];
    (await http.PostAsJsonAsync("/api/v1/identity/register", new { email, password, displayName = "Lab benchmark" })).EnsureSuccessStatusCode();
    var login = await http.PostAsJsonAsync("/api/v1/identity/login", new { email, password });
    login.EnsureSuccessStatusCode();
    return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
}

// POST, then follow the job's server-sent events until its terminal state; the result is stored by then.
static async Task<(double ElapsedMs, JsonElement Job)> RunAsync(HttpClient http, string token, string path, object body)
{
    var clock = Stopwatch.StartNew();
    using var post = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
    post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var posted = await http.SendAsync(post);
    if (!posted.IsSuccessStatusCode)
        throw new InvalidOperationException($"POST {path}: {(int)posted.StatusCode} {await posted.Content.ReadAsStringAsync()}");
    var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    using var events = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/backtests/{id}/events");
    events.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var stream = await http.SendAsync(events, HttpCompletionOption.ResponseHeadersRead);
    using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
    JsonElement last = default;
    while (await reader.ReadLineAsync() is { } line)
    {
        if (line.StartsWith("data: ", StringComparison.Ordinal))
            last = JsonDocument.Parse(line[6..]).RootElement.Clone();
    }

    var elapsed = clock.Elapsed.TotalMilliseconds;
    if (last.ValueKind != JsonValueKind.Object || last.GetProperty("status").GetString() != "succeeded")
        throw new InvalidOperationException($"job {id} did not succeed: {last}");
    return (elapsed, last);
}

static async Task<JsonElement> GetAsync(HttpClient http, string token, Guid id)
{
    using var get = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/backtests/{id}");
    get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var response = await http.SendAsync(get);
    response.EnsureSuccessStatusCode();
    return await response.Content.ReadFromJsonAsync<JsonElement>();
}

static double Percentile(List<double> values, int p)
{
    var sorted = values.Order().ToArray();
    var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
