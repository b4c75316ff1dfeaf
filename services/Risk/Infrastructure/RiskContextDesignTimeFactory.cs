using Microsoft.EntityFrameworkCore.Design;
using TradeNova.ServiceDefaults.Data;

namespace TradeNova.Risk.Infrastructure;

/// <summary>Lets <c>dotnet ef</c> build the model without configuration or a running database.</summary>
public sealed class RiskContextDesignTimeFactory : IDesignTimeDbContextFactory<RiskContext>
{
    public RiskContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<RiskContext>()
            .UseServiceNpgsql("Host=127.0.0.1;Database=design_time", RiskContext.Schema)
            .Options);
}
