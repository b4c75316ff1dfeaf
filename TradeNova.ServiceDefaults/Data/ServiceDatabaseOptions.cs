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
    /// <c>Maximum Pool Size</c>; 0 leaves Npgsql's default (100). A few busy backends cost PostgreSQL less CPU per
    /// statement than many half-idle ones. Safe only because no code awaits a second context connection while it holds
    /// one (see the README's "Connection pools").
    /// </summary>
    public int MaxPoolSize { get; set; } = DefaultMaxPoolSize;

    public const int DefaultMaxPoolSize = 4;
}
