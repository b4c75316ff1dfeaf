using TradeNova.Execution.Apis;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.UnitTests.Execution;

public class OrderRequestValidatorTests
{
    [Fact]
    public void Same_order_written_differently_has_the_same_hash_and_another_order_another()
    {
        var a = Validate(new PlaceOrderRequest(" aapl", "BUY", "market", null, 2m, null, null, null, null, null));
        var b = Validate(new PlaceOrderRequest("AAPL", "buy", "market", "day", 2.000m, null, null, null, null, null));
        var c = Validate(new PlaceOrderRequest("AAPL", "buy", "market", "day", 3m, null, null, null, null, null));

        a!.Hash().ShouldBe(b!.Hash());
        c!.Hash().ShouldNotBe(a.Hash());
    }

    [Fact]
    public void Stop_limit_needs_both_prices_and_ioc_is_refused_for_it()
    {
        var errors = new ValidationErrors();

        OrderRequestValidator.Validate(new PlaceOrderRequest("AAPL", "buy", "stop_limit", "ioc", 1m, null, null, null, null, null), "k", errors);

        errors.ToDictionary().Keys.ShouldBe(["timeInForce", "limitPrice", "stopPrice"], ignoreOrder: true);
    }

    [Fact]
    public void Bracket_of_a_buy_needs_the_stop_loss_below_the_take_profit()
    {
        var errors = new ValidationErrors();

        OrderRequestValidator.Validate(new PlaceOrderRequest("AAPL", "buy", "market", "day", 1m, null, null, null, 250m, 200m), "k", errors);

        errors.ToDictionary()["stopLoss"].ShouldBe(["For a buy the stop-loss must be below the take-profit."]);
    }

    private static OrderDraft? Validate(PlaceOrderRequest request)
    {
        var errors = new ValidationErrors();
        var draft = OrderRequestValidator.Validate(request, "key-1", errors);
        errors.HasErrors.ShouldBeFalse(string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(",", e.Value)}")));
        return draft;
    }
}
