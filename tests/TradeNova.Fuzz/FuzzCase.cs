namespace TradeNova.Fuzz;

/// <summary>One malformed request; built only when sent (some bodies are megabytes).</summary>
public sealed record FuzzCase(FuzzTarget Target, FuzzEndpoint Endpoint, string Kind, string Description, Func<RawRequest> Build);
