using System.Globalization;
using System.Net;

namespace TradeNova.LoadDriver;

/// <summary>Command-line settings, bounded so a run always stops by itself and only ever targets this machine.</summary>
/// <param name="WarmupSeconds">Sent at the same rate before the measured <paramref name="Seconds"/>, reported apart: the
/// driver's own start (its JIT, its connection pool) and the platform's step from idle to the full rate.</param>
public sealed record LoadOptions(Uri Gateway, int Users, int Rate, int Seconds, int DrainSeconds, string? SamplesPath = null, int WarmupSeconds = 0)
{
    public const int MaxUsers = 200;
    public const int MaxRate = 500;
    public const int MaxSeconds = 300;

    public const int MaxWarmupSeconds = 60;

    public int WarmupOrders => Rate * WarmupSeconds;

    /// <summary>Every order sent, the warm-up's included.</summary>
    public int TotalOrders => Rate * (WarmupSeconds + Seconds);

    public static LoadOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        int Int(string name, int fallback, int max)
        {
            var value = int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
            return value >= 1 && value <= max ? value : throw new ArgumentException($"{name} must be between 1 and {max}.");
        }

        var gateway = new Uri(Value("--gateway", "http://127.0.0.1:5100"));
        if (!IsLoopback(gateway))
        {
            throw new ArgumentException($"The load driver only targets this machine (loopback); {gateway.Host} is not.");
        }

        return new LoadOptions(gateway, Int("--users", 50, MaxUsers), Int("--rate", 100, MaxRate), Int("--seconds", 30, MaxSeconds), Int("--drain", 15, 60),
            Value("--samples", "") is { Length: > 0 } path ? path : null,
            int.Parse(Value("--warmup", "0"), CultureInfo.InvariantCulture) is var warmup and >= 0 and <= MaxWarmupSeconds
                ? warmup
                : throw new ArgumentException($"--warmup must be between 0 and {MaxWarmupSeconds}."));
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
