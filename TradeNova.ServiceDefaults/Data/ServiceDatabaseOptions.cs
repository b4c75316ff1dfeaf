namespace TradeNova.ServiceDefaults.Data;

/// <summary>Bound from <c>TradeNova:Database</c>.</summary>
public sealed class ServiceDatabaseOptions
{
    /// <summary>Apply pending EF migrations before the service starts serving.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Write ordinary saves with SQL built once per table and column set (<see cref="CachedStatementSaveInterceptor"/>).</summary>
    public bool CachedStatementSaves { get; set; } = true;

    /// <summary>
    /// Most PostgreSQL connections the service's contexts hold at once, unless the connection string sets its own
    /// <c>Maximum Pool Size</c>; 0 (the default) leaves Npgsql's 100. A few busy backends cost PostgreSQL less CPU per
    /// statement than many half-idle ones, but a cap is safe only in a service where nothing waits, while holding a
    /// context's connection, for a second one or for a network call: Portfolio and Risk set 4 (README, "Connection pools").
    /// </summary>
    public int MaxPoolSize { get; set; }
}
