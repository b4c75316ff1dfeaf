using System.Globalization;

namespace TradeNova.Fuzz;

/// <summary>Arguments to settings. Default targets: the runner's ports (gateway, and each service at gateway port + 1…6).</summary>
public static class FuzzCommandLine
{
    public static FuzzSettings Parse(string[] args, string? gatewayPortFromEnvironment)
    {
        var basePort = int.TryParse(gatewayPortFromEnvironment, CultureInfo.InvariantCulture, out var fromEnvironment) ? fromEnvironment : 5100;
        string? gateway = null;
        var services = new Dictionary<string, string>(StringComparer.Ordinal);
        bool withGateway = true, direct = true;
        var settings = new FuzzSettings { Targets = [] };
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--base-port": basePort = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--gateway": gateway = Next(); break;
                case "--service":
                    var pair = Next().Split('=', 2);
                    if (pair.Length != 2 || !FuzzEndpoints.Services.Contains(pair[0]))
                        throw new ArgumentException($"--service takes name=URL with name one of {string.Join(", ", FuzzEndpoints.Services)}");
                    services[pair[0]] = pair[1];
                    break;
                case "--no-gateway": withGateway = false; break;
                case "--no-direct": direct = false; break;
                case "--count": settings = settings with { Count = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--seed": settings = settings with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--concurrency": settings = settings with { Concurrency = Math.Clamp(int.Parse(Next(), CultureInfo.InvariantCulture), 1, 16) }; break;
                case "--max-seconds": settings = settings with { MaxDuration = TimeSpan.FromSeconds(int.Parse(Next(), CultureInfo.InvariantCulture)) }; break;
                case "--no-openapi": settings = settings with { DiscoverOpenApi = false }; break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }

        var targets = new List<FuzzTarget>();
        if (withGateway)
            targets.Add(new FuzzTarget("gateway", new Uri(gateway ?? $"http://127.0.0.1:{basePort}"), null));
        if (direct)
        {
            for (var i = 0; i < FuzzEndpoints.Services.Length; i++)
            {
                var name = FuzzEndpoints.Services[i];
                targets.Add(new FuzzTarget(name, new Uri(services.GetValueOrDefault(name) ?? $"http://127.0.0.1:{basePort + i + 1}"), name));
            }
        }

        return settings with { Targets = targets };
    }
}
