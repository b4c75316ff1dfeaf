using System.Globalization;

namespace TradeNova.Execution.Strategies;

/// <summary>
/// The idempotency key of a strategy's order is a function of (run, bar time, sequence within the bar): whoever carries a
/// step out (the instance that decided it, or the one that replays it after a crash) sends the same key, and the order
/// path's (user, Idempotency-Key) uniqueness turns the second attempt into a lookup of the first order.
/// </summary>
public static class StrategyOrderKeys
{
    public static string For(Guid runId, DateTimeOffset barTime, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"strategy:{runId:N}:{barTime.ToUnixTimeSeconds()}:{sequence}");

    /// <summary>The prefix every key of one step shares (to tell this step's own orders from earlier ones).</summary>
    public static string StepPrefix(Guid runId, DateTimeOffset barTime) =>
        string.Create(CultureInfo.InvariantCulture, $"strategy:{runId:N}:{barTime.ToUnixTimeSeconds()}:");
}
