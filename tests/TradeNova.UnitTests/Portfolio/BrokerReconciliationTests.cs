using TradeNova.Contracts.Execution;
using TradeNova.Portfolio.Reconciliation;

namespace TradeNova.UnitTests.Portfolio;

/// <summary>The live portfolio against the broker's report: the broker is the truth, fills after the report stay.</summary>
public class BrokerReconciliationTests
{
    [Fact]
    public void A_portfolio_that_agrees_with_the_broker_has_no_differences()
    {
        var plan = BrokerReconciliation.Plan(
            5_000.00m, [new HeldPosition("AAPL", 10m, 150m)], 5_000.004m, [new BrokerPosition("aapl", 10m, 150.00001m, 1_600m)], []);

        plan.Differences.ShouldBeEmpty();
        plan.Cash.ShouldBe(5_000.00m);
        plan.Positions.ShouldBe([new HeldPosition("AAPL", 10m, 150.00001m)]);
    }

    [Fact]
    public void Cash_a_changed_quantity_a_position_only_at_the_broker_and_one_only_here_are_each_a_difference()
    {
        var plan = BrokerReconciliation.Plan(
            5_000m,
            [new HeldPosition("AAPL", 10m, 150m), new HeldPosition("MSFT", 2m, 400m)],
            4_250.50m,
            [new BrokerPosition("AAPL", 15m, 150m, 2_400m), new BrokerPosition("TSLA", -3m, 200m, -630m)],
            []);

        plan.Cash.ShouldBe(4_250.50m);
        plan.Positions.ShouldBe([new HeldPosition("AAPL", 15m, 150m), new HeldPosition("TSLA", -3m, 200m)]);
        plan.Differences.ShouldBe([
            new ReconciliationDifference(BrokerReconciliation.Cash, null, 5_000m, 4_250.50m),
            new ReconciliationDifference(BrokerReconciliation.Quantity, "AAPL", 10m, 15m),
            new ReconciliationDifference(BrokerReconciliation.Quantity, "MSFT", 2m, 0m),
            new ReconciliationDifference(BrokerReconciliation.Quantity, "TSLA", 0m, -3m),
        ]);
    }

    [Fact]
    public void A_different_average_price_with_the_same_quantity_is_flagged_and_the_brokers_is_taken()
    {
        var plan = BrokerReconciliation.Plan(1_000m, [new HeldPosition("AAPL", 10m, 150m)], 1_000m, [new BrokerPosition("AAPL", 10m, 151.25m, 1_600m)], []);

        plan.Differences.ShouldBe([new ReconciliationDifference(BrokerReconciliation.AveragePrice, "AAPL", 150m, 151.25m)]);
        plan.Positions.ShouldBe([new HeldPosition("AAPL", 10m, 151.25m)]);
    }

    [Fact]
    public void A_fill_applied_after_the_report_is_kept_on_top_of_the_brokers_figures()
    {
        // Here: bought 10 AAPL @ 150 (fee 1) after the broker's report, which still shows 5 @ 140 and cash 3,000.
        // Target: 15 @ (5 × 140 + 10 × 150) / 15 = 146.666667; cash 3,000 - 1,500 - 1 = 1,499.
        var plan = BrokerReconciliation.Plan(
            1_499m, [new HeldPosition("AAPL", 15m, 146.666667m)], 3_000m, [new BrokerPosition("AAPL", 5m, 140m, 750m)],
            [new FillSinceReport("AAPL", IsBuy: true, 10m, 150m, 1m)]);

        plan.Differences.ShouldBeEmpty();
        plan.Cash.ShouldBe(1_499m);
        plan.Positions.ShouldBe([new HeldPosition("AAPL", 15m, 146.666667m)]);
    }

    [Fact]
    public void An_empty_broker_account_closes_every_position_here()
    {
        var plan = BrokerReconciliation.Plan(100m, [new HeldPosition("AAPL", 1m, 150m)], 250m, [], []);

        plan.Positions.ShouldBeEmpty();
        plan.Differences.Select(d => (d.Kind, d.Symbol)).ShouldBe([(BrokerReconciliation.Cash, (string?)null), (BrokerReconciliation.Quantity, "AAPL")]);
    }
}
