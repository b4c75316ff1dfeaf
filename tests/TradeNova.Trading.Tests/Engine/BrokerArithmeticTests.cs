using TradeNova.Trading.Broker;
using TradeNova.Trading.Costs;
using TradeNova.Trading.Data;
using TradeNova.Trading.Orders;

namespace TradeNova.Trading.Tests.Engine;

public class BrokerArithmeticTests
{
    [Theory]
    [InlineData("100000", "1458.469971", "68")]
    [InlineData("824.041972", "1458.469971", "0")]
    [InlineData("10000", "100", "100")]       // exact division stays exact
    [InlineData("9999.99", "100", "99")]
    [InlineData("0.3", "0.1", "3")]            // where a double quotient (2.9999…) alone would be wrong
    [InlineData("123456789012.345678", "0.000001", "123456789012345678")]
    public void Whole_quotient_is_the_exact_floor(string numerator, string denominator, string expected) =>
        WholeQuotient.Floor(decimal.Parse(numerator), decimal.Parse(denominator)).ShouldBe(decimal.Parse(expected));

    [Fact]
    public void Whole_quotient_agrees_with_decimal_division_on_many_values()
    {
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var numerator = decimal.Round((decimal)(random.NextDouble() * 1e7), random.Next(0, 7));
            var denominator = decimal.Round((decimal)(random.NextDouble() * 5e3) + 0.01m, random.Next(2, 7));
            WholeQuotient.Floor(numerator, denominator).ShouldBe(decimal.Floor(numerator / denominator));
        }
    }

    [Fact]
    public void Affordable_quantity_honours_a_minimum_commission()
    {
        // 1,000 cash at 99: floor(1,000 / 99) = 10 shares cost 990, plus a 15.00 minimum = 1,005 > 1,000 → 9 shares
        // (891 + 15 = 906).
        AffordableQuantity.Compute(1_000m, 99m, new FixedPerOrderCommission(15m), 1m).ShouldBe(9m);
        AffordableQuantity.Compute(1_000m, 99m, ZeroCommission.Instance, 1m).ShouldBe(10m);
        AffordableQuantity.Compute(10m, 99m, ZeroCommission.Instance, 1m).ShouldBe(0m);
    }

    [Fact]
    public void Sell_stop_gapped_through_fills_at_the_open_and_buy_stop_at_its_price_inside_the_range()
    {
        var gapDown = new Bar(default, 90m, 92m, 88m, 91m, 0m);
        FillRules.TryTrigger(OrderType.Stop, OrderSide.Sell, 0m, 95m, gapDown, out var sellPrice).ShouldBeTrue();
        sellPrice.ShouldBe(90m);

        var inside = new Bar(default, 100m, 106m, 99m, 104m, 0m);
        FillRules.TryTrigger(OrderType.Stop, OrderSide.Buy, 0m, 105m, inside, out var buyPrice).ShouldBeTrue();
        buyPrice.ShouldBe(105m);
        FillRules.TryTrigger(OrderType.Stop, OrderSide.Buy, 0m, 107m, inside, out _).ShouldBeFalse();
    }

    [Fact]
    public void Short_bracket_mirrors_the_long_rules()
    {
        // Short entry 100: stop-loss 105 above, take-profit 90 below; a bar through both assumes the stop.
        var both = new Bar(default, 100m, 106m, 89m, 95m, 0m);
        FillRules.TryTriggerBracket(longPosition: false, 105m, 90m, both, out var leg, out var price).ShouldBeTrue();
        (leg, price).ShouldBe((BracketLeg.StopLoss, 105m));

        var gapDown = new Bar(default, 88m, 95m, 87m, 94m, 0m);
        FillRules.TryTriggerBracket(longPosition: false, 105m, 90m, gapDown, out leg, out price).ShouldBeTrue();
        (leg, price).ShouldBe((BracketLeg.TakeProfit, 88m));
    }
}
