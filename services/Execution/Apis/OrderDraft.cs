using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TradeNova.Execution.Apis;

/// <summary>A validated, normalized order request. <see cref="Hash"/> tells a retry from a reuse of an idempotency key.</summary>
public sealed record OrderDraft(
    string Symbol,
    string Side,
    string Type,
    string TimeInForce,
    decimal? Quantity,
    decimal? Notional,
    decimal? LimitPrice,
    decimal? StopPrice,
    decimal? StopLoss,
    decimal? TakeProfit,
    string? Mode = null,
    Guid? StrategyRunId = null)
{
    /// <summary>SHA-256 over the normalized fields, so 10 and 10.0 or a reordered JSON body count as the same request.</summary>
    public string Hash()
    {
        var canonical = string.Join('|', Symbol, Side, Type, TimeInForce, Text(Quantity), Text(Notional), Text(LimitPrice),
            Text(StopPrice), Text(StopLoss), Text(TakeProfit)) + (Mode is null ? "" : "|" + Mode)
            + (StrategyRunId is null ? "" : "|" + StrategyRunId.Value.ToString("N"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static string Text(decimal? value) =>
        value is { } v ? (v / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) : "";
}
