namespace TradeNova.ServiceDefaults.Data;

/// <summary>Bound from <c>TradeNova:Database</c>.</summary>
public sealed class ServiceDatabaseOptions
{
    /// <summary>Apply pending EF migrations before the service starts serving.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Write ordinary saves with SQL built once per table and column set (<see cref="CachedStatementSaveInterceptor"/>).</summary>
    public bool CachedStatementSaves { get; set; } = true;
}
