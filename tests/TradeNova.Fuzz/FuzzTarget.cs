namespace TradeNova.Fuzz;

/// <summary>Where requests go: the gateway (every endpoint) or one service directly (its own endpoints).</summary>
public sealed record FuzzTarget(string Name, Uri BaseAddress, string? Service)
{
    public bool IsGateway => Service is null;

    public bool Serves(FuzzEndpoint endpoint) => IsGateway ? endpoint.ThroughGateway : endpoint.Service == Service;
}
