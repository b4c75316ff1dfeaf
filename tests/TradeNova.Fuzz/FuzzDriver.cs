using System.Diagnostics;

namespace TradeNova.Fuzz;

/// <summary>Plans the cases, sends them with bounded concurrency and time, then checks every target's health.</summary>
public static class FuzzDriver
{
    public static async Task<FuzzReport> RunAsync(FuzzSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        settings.EnsureLoopbackOnly();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var identity = settings.Targets.FirstOrDefault(t => t.Service == FuzzEndpoints.Identity) ?? settings.Targets.First(t => t.IsGateway);
        var token = await FuzzAccount.TokenAsync(identity.BaseAddress, http, cancellationToken);
        log.WriteLine(token is null ? "No account could be signed in; authenticated routes are fuzzed without a valid token." : "Signed in a fuzz account for authenticated routes.");

        var endpoints = FuzzEndpoints.Table.ToList();
        if (settings.DiscoverOpenApi)
        {
            var discovered = await OpenApiDiscovery.DiscoverAsync(settings.Targets, endpoints, http, cancellationToken);
            if (discovered.Count > 0)
                log.WriteLine($"From OpenAPI documents, also: {string.Join(", ", discovered.Select(e => $"{e.Method} {e.Path}"))}");
            endpoints.AddRange(discovered);
        }

        var cases = CaseGenerator.Generate(settings.Targets, endpoints, token, settings.Seed);
        if (settings.Count is { } count && count < cases.Count)
            cases = cases.Take(count).ToList();
        var report = new FuzzReport { Planned = cases.Count, Endpoints = endpoints.Count };
        log.WriteLine($"Sending {cases.Count:N0} malformed requests to {settings.Targets.Count} targets ({settings.Concurrency} at a time, at most {settings.MaxDuration.TotalSeconds:F0} s).");

        var watch = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.MaxDuration);
        try
        {
            await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = deadline.Token }, async (fuzzCase, ct) =>
            {
                var outcome = await RawHttpSender.SendAsync(fuzzCase.Target.BaseAddress, fuzzCase.Build(), settings.RequestTimeout, ct);
                report.Record(fuzzCase, outcome);
            });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            report.StoppedByDeadline = true;
        }

        report.Elapsed = watch.Elapsed;
        foreach (var target in settings.Targets)
            report.Healthy[target.Name] = await IsHealthyAsync(http, target, cancellationToken);
        return report;
    }

    private static async Task<bool> IsHealthyAsync(HttpClient http, FuzzTarget target, CancellationToken cancellationToken)
    {
        // A few tries: a target that was just flooded may answer its health probe a moment late.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(target.BaseAddress, "/health"), cancellationToken);
                if (response.IsSuccessStatusCode)
                    return true;
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        return false;
    }
}
