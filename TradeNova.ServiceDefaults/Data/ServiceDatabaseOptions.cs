namespace TradeNova.ServiceDefaults.Data;

/// <summary>Bound from <c>TradeNova:Database</c>.</summary>
public sealed class ServiceDatabaseOptions
{
    /// <summary>Apply pending EF migrations before the service starts serving.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
