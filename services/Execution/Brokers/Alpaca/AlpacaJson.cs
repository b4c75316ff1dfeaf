using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradeNova.Execution.Brokers.Alpaca;

/// <summary>
/// Alpaca's wire format: snake_case, money and quantities as strings (read into decimal, written as strings as the docs
/// show), unknown fields ignored and absent ones left null, so a field Alpaca adds or removes breaks nothing.
/// </summary>
public static class AlpacaJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };
}
