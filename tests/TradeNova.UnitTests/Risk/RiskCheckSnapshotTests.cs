using Microsoft.EntityFrameworkCore;
using TradeNova.Risk.Checks;
using TradeNova.Risk.Infrastructure;
using TradeNova.ServiceDefaults.Data;

namespace TradeNova.UnitTests.Risk;

/// <summary>The pre-trade check reads its rows with hand-written SQL (one batch) rather than EF: these hold its column
/// lists to the EF model, so a column added to an entity cannot be silently missing from what the check sees.</summary>
public class RiskCheckSnapshotTests
{
    [Fact]
    public void The_batched_read_selects_every_column_of_the_accounts_table()
    {
        RiskCheckSnapshot.AccountColumns.ShouldBe(Columns("accounts"), ignoreOrder: true);
    }

    [Fact]
    public void The_batched_read_selects_every_column_of_the_risk_profiles_table()
    {
        RiskCheckSnapshot.ProfileColumns.ShouldBe(Columns("risk_profiles"), ignoreOrder: true);
    }

    private static string[] Columns(string table)
    {
        // Building the model needs no server.
        var options = new DbContextOptionsBuilder<RiskContext>().UseServiceNpgsql("Host=127.0.0.1", RiskContext.Schema).Options;
        using var db = new RiskContext(options);
        var found = db.Model.GetRelationalModel().FindTable(table, RiskContext.Schema) ?? throw new InvalidOperationException($"No table {table}.");
        return [.. found.Columns.Select(c => c.Name)];
    }
}
