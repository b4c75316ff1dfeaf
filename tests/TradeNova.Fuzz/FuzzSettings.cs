namespace TradeNova.Fuzz;

/// <summary>What to attack and how hard; every bound has a default so a run always ends.</summary>
public sealed record FuzzSettings
{
    public required IReadOnlyList<FuzzTarget> Targets { get; init; }

    /// <summary>At most this many requests (a seeded random subset of the catalogue); null: the whole catalogue.</summary>
    public int? Count { get; init; }

    public int Seed { get; init; } = 20261201;

    public int Concurrency { get; init; } = 4;

    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(15);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Read each service's /openapi/v1.json and fuzz the routes it lists that the table does not.</summary>
    public bool DiscoverOpenApi { get; init; } = true;

    /// <summary>Refuses anything but loopback: this driver never sends hostile traffic off the machine.</summary>
    public void EnsureLoopbackOnly()
    {
        foreach (var target in Targets)
        {
            var host = target.BaseAddress.Host;
            var loopback = host == "localhost" || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));
            if (!loopback)
                throw new ArgumentException($"{target.Name} ({target.BaseAddress}) is not a loopback address; the fuzz driver only runs against this machine.");
        }
    }
}
