using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TradeNova.LoadDriver;

// Usage: dotnet run -c Release --project tests/TradeNova.LoadDriver -- [--gateway http://127.0.0.1:5100] [--users 50]
//        [--rate 100] [--seconds 30] [--warmup 0] [--drain 15] [--samples orders.csv]
// Registers the users through the gateway, opens each one's account hub, then sends market buys (small dollar amounts,
// each user on one symbol) at the given rate for the given seconds, and reports orders/s, the POST latency and the
// latencies from the POST at the gateway to the fill pushed on the user's hub (orderFilled, Execution's event) and to the
// fill applied in Portfolio (fillApplied: cash, position and trade history include it; the figure the target is about).
// Loopback only; bounded in users, rate and time. Risk's default order-rate cap is 30 orders a minute per user, so a
// run at 2 orders/s per user needs it raised as configuration (TradeNova__Risk__MaxOrdersPerMinute; see
// loopback-platform.sh), never in code. With --warmup S, the first S seconds of orders (same rate, same users) are
// reported on a line of their own and left out of every other figure.
var options = LoadOptions.Parse(args);
var clock = Stopwatch.StartNew();
// Setup (registering users, opening hubs) gets its own budget on a busy machine; the measured run is bounded separately.
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(300 + options.Users * 2));
var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
using var gateway = new HttpClient(handler) { BaseAddress = options.Gateway, Timeout = TimeSpan.FromSeconds(30) };
// Buys only, in dollars: a buy never depends on Risk having seen the previous fill (a sell racing its buy could look like
// a short to Risk), and each user's orders together stay under Risk's 10%-of-$10,000 position cap and buying power.
string[] symbols = ["F", "T", "PFE", "INTC", "KO", "VZ", "WMT", "BAC", "CSCO", "MRK"];
var ordersPerUser = (options.TotalOrders + options.Users - 1) / options.Users;
var notional = Math.Clamp(Math.Floor(800m / ordersPerUser * 100m) / 100m, 1m, 20m);

Console.WriteLine(FormattableString.Invariant($"TradeNova load driver: {options.Users} users, {options.Rate} orders/s for {options.Seconds} s (after {options.WarmupSeconds} s of warm-up at that rate) against {options.Gateway} (${notional} market buys)"));
var traders = new Trader[options.Users];
using (var registering = new SemaphoreSlim(8))
{
    await Task.WhenAll(Enumerable.Range(0, options.Users).Select(async i =>
    {
        await registering.WaitAsync(stop.Token);
        try
        {
            traders[i] = await Trader.RegisterAsync(gateway, options.Gateway, clock, i, stop.Token);
        }
        finally
        {
            registering.Release();
        }
    }));
}

// Fills only apply to an opened portfolio (Portfolio opens it on UserRegistered).
foreach (var trader in traders)
{
    while (true)
    {
        using var response = await gateway.SendAsync(trader.Authorized(HttpMethod.Get, "/api/v1/portfolio"), stop.Token);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            break;
        }

        await Task.Delay(200, stop.Token);
    }
}

Console.WriteLine($"{options.Users} users registered with portfolios and hub connections in {clock.Elapsed.TotalSeconds:0.0} s; sending.");
stop.CancelAfter(TimeSpan.FromSeconds(options.Seconds + options.DrainSeconds + 120));
var samples = new OrderSample[options.TotalOrders];
var start = clock.ElapsedTicks;
var sends = new List<Task>(options.TotalOrders);
for (var i = 0; i < options.TotalOrders; i++)
{
    var due = start + (long)(i * (double)Stopwatch.Frequency / options.Rate);
    var wait = TimeSpan.FromSeconds((due - clock.ElapsedTicks) / (double)Stopwatch.Frequency);
    if (wait > TimeSpan.Zero)
    {
        await Task.Delay(wait, stop.Token);
    }

    var index = i;
    var trader = traders[i % traders.Length];
    Interlocked.Increment(ref trader.OrdersSent);
    var order = new { symbol = symbols[(i % traders.Length) % symbols.Length], side = "buy", type = "market", timeInForce = "day", notional };
    sends.Add(Task.Run(async () =>
    {
        using var request = trader.Authorized(HttpMethod.Post, "/api/v1/orders");
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        request.Content = JsonContent.Create(order);
        var sentAt = clock.ElapsedTicks;
        try
        {
            using var response = await gateway.SendAsync(request, stop.Token);
            var answeredAt = clock.ElapsedTicks;
            var text = await response.Content.ReadAsStringAsync(stop.Token);
            Guid? id = null;
            string? status = null, codes = null;
            if (response.IsSuccessStatusCode)
            {
                using var json = JsonDocument.Parse(text);
                id = json.RootElement.GetProperty("id").GetGuid();
                status = json.RootElement.GetProperty("status").GetString();
                codes = string.Join(",", json.RootElement.GetProperty("reasonCodes").EnumerateArray().Select(c => c.GetString()));
            }

            var receivedAt = response.Headers.TryGetValues("X-Gateway-Received-At", out var stamps)
                             && DateTimeOffset.TryParse(stamps.First(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp)
                ? stamp
                : (DateTimeOffset?)null;
            samples[index] = new OrderSample(index, trader, sentAt, answeredAt, (int)response.StatusCode, id, status, codes, receivedAt);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            samples[index] = new OrderSample(index, trader, sentAt, clock.ElapsedTicks, 0, null, null, error.GetType().Name);
        }
    }));
}

await Task.WhenAll(sends);
var warmup = samples[..options.WarmupOrders];
samples = samples[options.WarmupOrders..];
var measuredStart = start + (long)(options.WarmupOrders * (double)Stopwatch.Frequency / options.Rate);
var sendSeconds = (clock.ElapsedTicks - measuredStart) / (double)Stopwatch.Frequency;
bool IsAccepted(OrderSample s) => s.Status is "accepted" or "partially_filled" or "filled";
var accepted = samples.Where(IsAccepted).ToList();
var drainUntil = clock.Elapsed + TimeSpan.FromSeconds(options.DrainSeconds);
while (clock.Elapsed < drainUntil && warmup.Concat(accepted).Any(s => IsAccepted(s) && !s.Trader.FillsApplied.ContainsKey(s.OrderId!.Value)))
{
    await Task.Delay(100, stop.Token);
}

double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
var postLatency = samples.Select(s => Ms(s.AnsweredAt - s.SentAt)).Order().ToList();
var fillLatency = accepted.Where(s => s.Trader.FillsSeen.ContainsKey(s.OrderId!.Value))
    .Select(s => Ms(s.Trader.FillsSeen[s.OrderId!.Value] - s.SentAt)).Order().ToList();
var appliedLatency = accepted.Where(s => s.Trader.FillsApplied.ContainsKey(s.OrderId!.Value))
    .Select(s => Ms(s.Trader.FillsApplied[s.OrderId!.Value] - s.SentAt)).Order().ToList();
// The same span on the servers' clock: the gateway's arrival stamp to Portfolio's push (one machine, one clock), so
// without the time this process took to send the request and to take the push in.
var serverLatency = accepted
    .Where(s => s.GatewayReceivedAt is not null && s.Trader.FillsAppliedSentAt.ContainsKey(s.OrderId!.Value))
    .Select(s => (s.Trader.FillsAppliedSentAt[s.OrderId!.Value] - s.GatewayReceivedAt!.Value).TotalMilliseconds).Order().ToList();

if (options.SamplesPath is { } samplesPath)
{
    // One line per order, for finding when the slow ones were sent: ms since the first send, POST and fill applied latency, and the
    // same span on the servers' clock (gateway arrival to Portfolio's push).
    var lines = samples.Select(s => string.Join(',', Ms(s.SentAt - measuredStart).ToString("0.0", CultureInfo.InvariantCulture),
        Ms(s.AnsweredAt - s.SentAt).ToString("0.0", CultureInfo.InvariantCulture),
        s.OrderId is { } id && s.Trader.FillsApplied.TryGetValue(id, out var at) ? Ms(at - s.SentAt).ToString("0.0", CultureInfo.InvariantCulture) : "",
        s.OrderId is { } applied && s.GatewayReceivedAt is { } received && s.Trader.FillsAppliedSentAt.TryGetValue(applied, out var pushed)
            ? (pushed - received).TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)
            : "",
        s.Status ?? $"HTTP {s.StatusCode}"));
    await File.WriteAllLinesAsync(samplesPath, ["sent_ms,post_ms,applied_ms,server_ms,status", .. lines]);
}

string F(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.0", CultureInfo.InvariantCulture);
Console.WriteLine();
if (warmup.Length > 0)
{
    var warmupApplied = warmup.Where(s => IsAccepted(s) && s.Trader.FillsApplied.ContainsKey(s.OrderId!.Value))
        .Select(s => Ms(s.Trader.FillsApplied[s.OrderId!.Value] - s.SentAt)).Order().ToList();
    Console.WriteLine($"warm-up (not counted below) {warmup.Length} orders in {options.WarmupSeconds} s: POST -> fill applied p50 {F(Percentiles.Of(warmupApplied, 50))} ms  p99 {F(Percentiles.Of(warmupApplied, 99))} ms  ({warmupApplied.Count} of {warmup.Count(IsAccepted)} applied)");
}

Console.WriteLine(FormattableString.Invariant($"orders sent          {samples.Length} in {sendSeconds:0.00} s = {samples.Length / sendSeconds:0.0} orders/s (target {options.Rate})"));
foreach (var outcome in samples.GroupBy(s => s.Status is null ? $"HTTP {s.StatusCode} {s.ReasonCodes}" : $"{s.Status} {s.ReasonCodes}".Trim()).OrderByDescending(g => g.Count()))
{
    Console.WriteLine($"  {outcome.Key,-40} {outcome.Count()}");
}

Console.WriteLine($"POST /api/v1/orders  p50 {F(Percentiles.Of(postLatency, 50))} ms  p99 {F(Percentiles.Of(postLatency, 99))} ms  max {F(postLatency.LastOrDefault(double.NaN))} ms");
Console.WriteLine($"POST -> fill on hub  p50 {F(Percentiles.Of(fillLatency, 50))} ms  p99 {F(Percentiles.Of(fillLatency, 99))} ms  max {F(fillLatency.LastOrDefault(double.NaN))} ms  ({fillLatency.Count} of {accepted.Count} accepted orders' fills seen)");
Console.WriteLine($"POST -> fill applied p50 {F(Percentiles.Of(appliedLatency, 50))} ms  p99 {F(Percentiles.Of(appliedLatency, 99))} ms  max {F(appliedLatency.LastOrDefault(double.NaN))} ms  ({appliedLatency.Count} of {accepted.Count} applied in Portfolio, pushed as fillApplied)");
Console.WriteLine($"gateway -> applied   p50 {F(Percentiles.Of(serverLatency, 50))} ms  p99 {F(Percentiles.Of(serverLatency, 99))} ms  max {F(serverLatency.LastOrDefault(double.NaN))} ms  ({serverLatency.Count} of {accepted.Count}; servers' clock: the gateway's arrival stamp to Portfolio's fillApplied sentAt)");

// Reconciliation: the fills Portfolio applied (its trade history), summed over the users.
var applied = 0;
try
{
    foreach (var trader in traders)
    {
        using var response = await gateway.SendAsync(trader.Authorized(HttpMethod.Get, "/api/v1/portfolio/trades?pageSize=1"), stop.Token);
        if (response.IsSuccessStatusCode)
        {
            applied += (await response.Content.ReadFromJsonAsync<JsonElement>(stop.Token)).GetProperty("total").GetInt32();
        }
    }

    Console.WriteLine($"fills in Portfolio's trade history: {applied}{(warmup.Length > 0 ? " (the warm-up's included)" : "")}");
}
catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
{
    Console.WriteLine($"fills in Portfolio's trade history: unknown ({error.GetType().Name} after {applied})");
}

foreach (var trader in traders)
{
    await trader.DisposeAsync();
}

return appliedLatency.Count == accepted.Count && accepted.Count > 0 ? 0 : 1;
