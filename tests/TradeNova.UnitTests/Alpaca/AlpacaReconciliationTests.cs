using TradeNova.Execution.Brokers.Alpaca.Dto;
using TradeNova.Execution.Brokers.Alpaca.Reconciliation;
using TradeNova.Execution.Brokers.Alpaca.Streaming;

namespace TradeNova.UnitTests.Alpaca;

public class AlpacaReconciliationTests
{
    [Fact]
    public void Fill_event_applies_its_own_price_and_quantity()
    {
        var correction = AlpacaReconciliation.Reconcile(Local("accepted", 0m, 0m), Broker("partially_filled", 4m, 100m), Event(4m, 100.02m));

        correction!.Fill!.Quantity.ShouldBe(4m);
        correction.Fill.Price.ShouldBe(100.02m);
        correction.NewStatus.ShouldBe("partially_filled");
    }

    [Fact]
    public void Same_fill_seen_twice_is_applied_once()
    {
        var local = Local("partially_filled", 4m, 400m);

        AlpacaReconciliation.Reconcile(local, Broker("partially_filled", 4m, 100m), Event(4m, 100m)).ShouldBeNull();
    }

    [Fact]
    public void Fill_missed_while_disconnected_is_priced_from_the_average_less_what_was_recorded()
    {
        // 4 @ 100 recorded; Alpaca has 10 filled at an average of 106 (so the missing 6 went at 110).
        var correction = AlpacaReconciliation.Reconcile(Local("partially_filled", 4m, 400m), Broker("filled", 10m, 106m));

        (correction!.Fill!.Quantity, correction.Fill.Price, correction.NewStatus).ShouldBe((6m, 110m, "filled"));
    }

    [Fact]
    public void Cancel_after_a_partial_fill_applies_the_missing_fill_and_cancels()
    {
        var correction = AlpacaReconciliation.Reconcile(Local("accepted", 0m, 0m), Broker("canceled", 3m, 50m));

        (correction!.Fill!.Quantity, correction.Fill.Price, correction.NewStatus).ShouldBe((3m, 50m, "canceled"));
    }

    [Theory]
    [InlineData("new")]
    [InlineData("pending_new")]
    [InlineData("accepted")]
    public void Status_never_moves_backwards(string alpacaStatus)
    {
        AlpacaReconciliation.Reconcile(Local("partially_filled", 4m, 400m), Broker(alpacaStatus, 4m, 100m)).ShouldBeNull();
    }

    [Fact]
    public void Final_local_status_is_kept_and_a_different_final_status_at_alpaca_is_flagged()
    {
        var correction = AlpacaReconciliation.Reconcile(Local("canceled", 0m, 0m), Broker("expired", 0m, null));

        correction!.NewStatus.ShouldBeNull();
        correction.Discrepancy.ShouldBe(OrderCorrection.FinalStatusDiffers);
    }

    [Fact]
    public void More_filled_locally_than_at_alpaca_is_flagged_and_nothing_is_undone()
    {
        var correction = AlpacaReconciliation.Reconcile(Local("partially_filled", 5m, 500m), Broker("partially_filled", 4m, 100m));

        (correction!.Fill, correction.NewStatus, correction.Discrepancy).ShouldBe(((BrokerFill?)null, (string?)null, OrderCorrection.LocalFillsExceedBroker));
    }

    [Fact]
    public void Fill_without_a_price_is_flagged_not_applied_and_the_status_waits_for_it()
    {
        var correction = AlpacaReconciliation.Reconcile(Local("accepted", 0m, 0m), Broker("filled", 2m, null));

        (correction!.Fill, correction.NewStatus, correction.Discrepancy).ShouldBe(((BrokerFill?)null, (string?)null, OrderCorrection.FillWithoutPrice));
    }

    [Fact]
    public void Status_alpaca_adds_later_reconciles_fills_only()
    {
        var correction = AlpacaReconciliation.Reconcile(Local("accepted", 0m, 0m), Broker("some_new_status", 1m, 10m));

        (correction!.Fill!.Quantity, correction.NewStatus).ShouldBe((1m, (string?)null));
    }

    [Fact]
    public void Order_alpaca_does_not_know_is_flagged_for_the_recovery_sweep()
    {
        AlpacaReconciliation.UnknownAtBroker(Local("accepted", 0m, 0m)).Discrepancy.ShouldBe(OrderCorrection.UnknownAtBroker);
    }

    private static LocalOrderState Local(string status, decimal filled, decimal value) => new("tn-1", status, filled, value, "alpaca-1");

    private static AlpacaOrder Broker(string status, decimal filled, decimal? average) =>
        new() { Id = "alpaca-1", ClientOrderId = "tn-1", Status = status, Qty = 10m, FilledQty = filled, FilledAvgPrice = average };

    private static AlpacaTradeUpdate Event(decimal qty, decimal price) =>
        new() { Event = "fill", Order = Broker("filled", qty, price), Qty = qty, Price = price, ExecutionId = "x-1" };
}
