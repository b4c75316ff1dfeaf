using Microsoft.EntityFrameworkCore.Design;
using TradeNova.ServiceDefaults.Data;

namespace TradeNova.Billing.Infrastructure;

/// <summary>Lets <c>dotnet ef</c> build the model without configuration or a running database.</summary>
public sealed class BillingContextDesignTimeFactory : IDesignTimeDbContextFactory<BillingContext>
{
    public BillingContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BillingContext>()
            .UseServiceNpgsql("Host=127.0.0.1;Database=design_time", BillingContext.Schema)
            .Options);
}
