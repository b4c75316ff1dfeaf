using Microsoft.EntityFrameworkCore.Design;
using TradeNova.ServiceDefaults.Data;

namespace TradeNova.Execution.Infrastructure;

/// <summary>Lets <c>dotnet ef</c> build the model without configuration or a running database.</summary>
public sealed class ExecutionDbContextDesignTimeFactory : IDesignTimeDbContextFactory<ExecutionDbContext>
{
    public ExecutionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ExecutionDbContext>()
            .UseServiceNpgsql("Host=127.0.0.1;Database=design_time", ExecutionDbContext.Schema)
            .Options);
}
