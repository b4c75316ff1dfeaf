using Microsoft.EntityFrameworkCore.Design;
using TradeNova.ServiceDefaults.Data;

namespace TradeNova.Portfolio.Infrastructure;

/// <summary>Lets <c>dotnet ef</c> build the model without configuration or a running database.</summary>
public sealed class PortfolioContextDesignTimeFactory : IDesignTimeDbContextFactory<PortfolioContext>
{
    public PortfolioContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PortfolioContext>()
            .UseServiceNpgsql("Host=127.0.0.1;Database=design_time", PortfolioContext.Schema)
            .Options);
}
