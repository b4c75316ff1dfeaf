using TradeNova.Portfolio.Accounting;

namespace TradeNova.UnitTests.Portfolio;

/// <summary>Hand-worked scenarios (figures computed on paper, not by the code under test).</summary>
public class FillAccountingTests
{
    [Fact]
    public void Buy_add_partial_sell_and_sell_out_match_the_hand_worked_figures_to_the_cent()
    {
        var cash = 10_000.00m;
        var realized = 0m;
        var fees = 0m;
        var position = PositionState.Flat;

        // 1. Buy 10 @ 100.00, fee 1.00: cash 10,000 - 1,000 - 1 = 8,999.00; 10 @ 100.
        var buy = FillAccounting.Apply(position, isBuy: true, 10m, 100.00m, 1.00m);
        (position, cash, realized, fees) = (buy.Position, cash + buy.CashChange, realized + buy.RealizedPnl, fees + 1.00m);
        cash.ShouldBe(8_999.00m);
        position.ShouldBe(new PositionState(10m, 100m));

        // 2. Add 10 @ 110.00, fee 1.00: cash 8,999 - 1,100 - 1 = 7,898.00; 20 @ (1,000 + 1,100) / 20 = 105.
        var add = FillAccounting.Apply(position, isBuy: true, 10m, 110.00m, 1.00m);
        (position, cash, realized, fees) = (add.Position, cash + add.CashChange, realized + add.RealizedPnl, fees + 1.00m);
        cash.ShouldBe(7_898.00m);
        position.ShouldBe(new PositionState(20m, 105m));
        add.RealizedPnl.ShouldBe(0m);

        // 3. Sell 5 @ 120.00, fee 1.00: cash 7,898 + 600 - 1 = 8,497.00; realized 5 × (120 - 105) = 75.00; 15 @ 105.
        var partial = FillAccounting.Apply(position, isBuy: false, 5m, 120.00m, 1.00m);
        (position, cash, realized, fees) = (partial.Position, cash + partial.CashChange, realized + partial.RealizedPnl, fees + 1.00m);
        cash.ShouldBe(8_497.00m);
        partial.RealizedPnl.ShouldBe(75.00m);
        partial.ClosedQuantity.ShouldBe(5m);
        position.ShouldBe(new PositionState(15m, 105m));

        // 4. Sell the 15 @ 100.00, fee 1.00: cash 8,497 + 1,500 - 1 = 9,996.00; realized 15 × (100 - 105) = -75.00.
        var close = FillAccounting.Apply(position, isBuy: false, 15m, 100.00m, 1.00m);
        (position, cash, realized, fees) = (close.Position, cash + close.CashChange, realized + close.RealizedPnl, fees + 1.00m);
        cash.ShouldBe(9_996.00m);
        close.RealizedPnl.ShouldBe(-75.00m);
        position.ShouldBe(PositionState.Flat);

        // Flat again: equity = cash = start + realized - fees = 10,000 + 0 - 4.
        realized.ShouldBe(0m);
        fees.ShouldBe(4.00m);
        cash.ShouldBe(10_000m + realized - fees);
    }

    [Fact]
    public void Fractional_fills_round_cash_and_realized_to_the_cent_and_keep_cost_to_six_decimals()
    {
        // Buy 3 @ 33.333 (fee 0.005 → cash -99.999 - 0.005 = -100.004 → -100.00).
        var first = FillAccounting.Apply(PositionState.Flat, true, 3m, 33.333m, 0.005m);
        first.CashChange.ShouldBe(-100.00m);

        // Add 0.5 @ 40: cost (99.999 + 20) / 3.5 = 34.285428571… → 34.285429.
        var second = FillAccounting.Apply(first.Position, true, 0.5m, 40m, 0m);
        second.Position.AverageCost.ShouldBe(34.285429m);
        second.CashChange.ShouldBe(-20.00m);

        // Sell 1.25 @ 35.10: realized 1.25 × (35.10 - 34.285429) = 1.01821375 → 1.02; cash +43.875 → 43.88.
        var sell = FillAccounting.Apply(second.Position, false, 1.25m, 35.10m, 0m);
        sell.RealizedPnl.ShouldBe(1.02m);
        sell.CashChange.ShouldBe(43.88m);
        sell.Position.ShouldBe(new PositionState(2.25m, 34.285429m));
    }

    [Fact]
    public void Sell_beyond_the_position_closes_it_and_opens_a_short_at_the_fill_price()
    {
        var outcome = FillAccounting.Apply(new PositionState(10m, 50m), false, 15m, 60m, 0m);

        outcome.RealizedPnl.ShouldBe(100.00m); // 10 × (60 - 50)
        outcome.ClosedQuantity.ShouldBe(10m);
        outcome.Position.ShouldBe(new PositionState(-5m, 60m));
        outcome.CashChange.ShouldBe(900.00m);

        // Covering the short below its price realizes the gain: 5 × (60 - 55) = 25.
        var cover = FillAccounting.Apply(outcome.Position, true, 5m, 55m, 0m);
        cover.RealizedPnl.ShouldBe(25.00m);
        cover.Position.ShouldBe(PositionState.Flat);
    }
}
