using Microsoft.EntityFrameworkCore;
using TradeNova.Execution.Infrastructure;
using TradeNova.Execution.Model;

namespace TradeNova.UnitTests.Execution;

public class StringListsTests
{
    [Fact]
    public void Lists_compare_element_by_element_and_a_snapshot_is_a_copy()
    {
        List<string> codes = ["risk.position_size", "risk.open_positions"];
        var snapshot = StringLists.Comparer.Snapshot(codes);

        snapshot.ShouldNotBeSameAs(codes);
        StringLists.Comparer.Equals(snapshot, codes).ShouldBeTrue();
        StringLists.Comparer.GetHashCode(snapshot).ShouldBe(StringLists.Comparer.GetHashCode(codes));

        codes.Add("risk.halted"); // changed in place: the snapshot still holds the original values
        StringLists.Comparer.Equals(snapshot, codes).ShouldBeFalse();
        StringLists.Comparer.Equals(["a", "b"], ["b", "a"]).ShouldBeFalse("order matters");
        StringLists.Comparer.Equals([], null).ShouldBeFalse();
        StringLists.Comparer.Equals(null, null).ShouldBeTrue();
    }

    [Fact]
    public void An_orders_reason_codes_are_tracked_with_it()
    {
        using var db = new ExecutionDbContextDesignTimeFactory().CreateDbContext([]);
        var property = db.Model.FindEntityType(typeof(Order))!.FindProperty(nameof(Order.ReasonCodes))!;

        property.GetValueComparer().ShouldBeSameAs(StringLists.Comparer);
    }

    [Fact]
    public void A_reason_code_added_in_place_is_seen_as_a_change()
    {
        using var db = new ExecutionDbContextDesignTimeFactory().CreateDbContext([]);
        var order = new Order
        {
            Id = Guid.NewGuid(), ClientOrderId = "tn-1", Symbol = "AAPL", Side = OrderSides.Buy, Type = OrderTypes.Market,
            TimeInForce = TimesInForce.Day, Status = OrderStatuses.Rejected, Mode = TradingModes.Paper, ReasonCodes = ["risk.halted"],
        };
        db.Attach(order);

        order.ReasonCodes.Add("risk.kill_switch");
        db.ChangeTracker.DetectChanges();

        db.Entry(order).Property(o => o.ReasonCodes).IsModified.ShouldBeTrue();
    }
}
