using Microsoft.EntityFrameworkCore.Design;
using TradeNova.ServiceDefaults.Data;

namespace TradeNova.Backtest.Infrastructure;

/// <summary>Lets <c>dotnet ef</c> build the model without configuration or a running database.</summary>
public sealed class BacktestContextDesignTimeFactory : IDesignTimeDbContextFactory<BacktestContext>
{
    public BacktestContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BacktestContext>()
            .UseServiceNpgsql("Host=127.0.0.1;Database=design_time", BacktestContext.Schema)
            .Options);
}
