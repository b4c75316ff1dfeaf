namespace TradeNova.AppHost.Infrastructure;

/// <summary>Where PostgreSQL and RabbitMQ come from (<c>TradeNova:Infrastructure</c>; absent = detect).</summary>
internal enum InfrastructureMode
{
    /// <summary>The AppHost runs them as containers (needs Docker or Podman).</summary>
    Containers,

    /// <summary>They already run (the runner's OS packages); the AppHost is given one connection string per role.</summary>
    Existing,
}
