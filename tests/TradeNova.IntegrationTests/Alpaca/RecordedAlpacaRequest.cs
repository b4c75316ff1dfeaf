using System.Text.Json.Nodes;

namespace TradeNova.IntegrationTests.Alpaca;

/// <summary>One request as the fake Alpaca server received it.</summary>
public sealed record RecordedAlpacaRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, string? KeyId, string? Body)
{
    public JsonObject Json => JsonNode.Parse(Body ?? "{}")!.AsObject();
}
