using Microsoft.EntityFrameworkCore.Design;
using TradeNova.ServiceDefaults.Data;

namespace TradeNova.Identity.Infrastructure;

/// <summary>Lets <c>dotnet ef</c> build the model without configuration or a running database.</summary>
public sealed class IdentityContextDesignTimeFactory : IDesignTimeDbContextFactory<IdentityContext>
{
    public IdentityContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IdentityContext>()
            .UseServiceNpgsql("Host=127.0.0.1;Database=design_time", IdentityContext.Schema)
            .Options);
}
