using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace TradeNova.Fuzz;

/// <summary>Status-code counts per target and kind, the 5xx responses in full, and each target's health afterwards.</summary>
public sealed class FuzzReport
{
    private readonly ConcurrentDictionary<(string Target, string Label), int> _byTarget = new();
    private readonly ConcurrentDictionary<(string Kind, string Label), int> _byKind = new();
    private readonly ConcurrentQueue<string> _serverErrors = new();
    private int _sent;
    private int _upstreamUnavailable;

    public int Sent => _sent;

    public int Planned { get; set; }

    public int Endpoints { get; set; }

    public TimeSpan Elapsed { get; set; }

    public bool StoppedByDeadline { get; set; }

    public Dictionary<string, bool> Healthy { get; } = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> ServerErrors => _serverErrors;

    public int Count(Func<string, bool> label) => _byTarget.Where(p => label(p.Key.Label)).Sum(p => p.Value);

    public void Record(FuzzCase fuzzCase, FuzzOutcome outcome)
    {
        Interlocked.Increment(ref _sent);
        _byTarget.AddOrUpdate((fuzzCase.Target.Name, outcome.Label), 1, (_, n) => n + 1);
        _byKind.AddOrUpdate((fuzzCase.Kind, outcome.Label), 1, (_, n) => n + 1);
        if (outcome.IsUpstreamUnavailable)
            Interlocked.Increment(ref _upstreamUnavailable);
        if (outcome.IsServerError)
            _serverErrors.Enqueue($"{fuzzCase.Target.Name} {fuzzCase.Endpoint.Method} {fuzzCase.Endpoint.Path} [{fuzzCase.Kind}: {fuzzCase.Description}] -> {outcome.Excerpt}");
    }

    public bool Passed => _serverErrors.IsEmpty && Healthy.Count > 0 && Healthy.Values.All(ok => ok);

    public override string ToString()
    {
        var text = new StringBuilder();
        var labels = _byTarget.Keys.Select(k => k.Label).Distinct().OrderBy(l => l, StringComparer.Ordinal).ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"Sent {Sent:N0} of {Planned:N0} planned requests to {Endpoints} endpoints in {Elapsed.TotalSeconds:F0} s{(StoppedByDeadline ? " (stopped at the time limit)" : "")}.");
        Table(text, "target", _byTarget.Keys.Select(k => k.Target).Distinct().OrderBy(t => t, StringComparer.Ordinal), labels, (row, label) => _byTarget.GetValueOrDefault((row, label)));
        text.AppendLine();
        Table(text, "kind", _byKind.Keys.Select(k => k.Kind).Distinct().OrderBy(t => t, StringComparer.Ordinal), labels, (row, label) => _byKind.GetValueOrDefault((row, label)));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"5xx responses: {_serverErrors.Count}");
        if (_upstreamUnavailable > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"Not counted: {_upstreamUnavailable} × 503 broker-unavailable (Alpaca not reachable from this machine to verify keys).");
        foreach (var error in _serverErrors.Take(30))
            text.AppendLine("  " + error);
        text.AppendLine("Health afterwards: " + string.Join(", ", Healthy.Select(h => $"{h.Key} {(h.Value ? "healthy" : "UNHEALTHY")}")));
        text.AppendLine(Passed ? "PASS: no 5xx, every target healthy." : "FAIL");
        return text.ToString();
    }

    private static void Table(StringBuilder text, string title, IEnumerable<string> rows, List<string> labels, Func<string, string, int> cell)
    {
        text.Append(title.PadRight(16));
        foreach (var label in labels)
            text.Append(label.PadLeft(Math.Max(6, label.Length + 1)));
        text.AppendLine("   total");
        foreach (var row in rows)
        {
            text.Append(row.PadRight(16));
            var total = 0;
            foreach (var label in labels)
            {
                var n = cell(row, label);
                total += n;
                text.Append((n == 0 ? "." : n.ToString(CultureInfo.InvariantCulture)).PadLeft(Math.Max(6, label.Length + 1)));
            }

            text.AppendLine(total.ToString(CultureInfo.InvariantCulture).PadLeft(8));
        }
    }
}
