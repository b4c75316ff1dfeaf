using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TradeNova.UnitTests.Architecture;

/// <summary>Each service's EF model equals what its committed migrations build: a changed entity without a new
/// migration (or a naming convention that renames a column) fails here, not on a user's database.</summary>
public class ModelMatchesMigrationsTests
{
    public static TheoryData<string> Contexts() => new(Factories.Keys);

    private static readonly Dictionary<string, Func<DbContext>> Factories = new()
    {
        ["identity"] = () => Create(new TradeNova.Identity.Infrastructure.IdentityContextDesignTimeFactory()),
        ["billing"] = () => Create(new TradeNova.Billing.Infrastructure.BillingContextDesignTimeFactory()),
        ["portfolio"] = () => Create(new TradeNova.Portfolio.Infrastructure.PortfolioContextDesignTimeFactory()),
        ["execution"] = () => Create(new TradeNova.Execution.Infrastructure.ExecutionDbContextDesignTimeFactory()),
        ["risk"] = () => Create(new TradeNova.Risk.Infrastructure.RiskContextDesignTimeFactory()),
        ["backtest"] = () => Create(new TradeNova.Backtest.Infrastructure.BacktestContextDesignTimeFactory()),
    };

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Model_has_no_changes_missing_from_the_migrations(string service)
    {
        using var context = Factories[service]();

        context.Database.HasPendingModelChanges().ShouldBeFalse($"services/{service}: add a migration (dotnet ef migrations add)");
    }

    private static DbContext Create<TContext>(IDesignTimeDbContextFactory<TContext> factory)
        where TContext : DbContext => factory.CreateDbContext([]);
}
