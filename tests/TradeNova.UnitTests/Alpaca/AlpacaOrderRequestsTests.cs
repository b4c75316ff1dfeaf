using System.Text.Json;
using TradeNova.Execution.Brokers.Alpaca;
using TradeNova.Execution.Brokers.Alpaca.Live;
using TradeNova.Execution.Model;

namespace TradeNova.UnitTests.Alpaca;

public class AlpacaOrderRequestsTests
{
    [Fact]
    public void Accepted_order_goes_to_alpaca_under_its_client_order_id_with_plain_string_numbers()
    {
        var body = Json(Order(quantity: 3.000000m, limit: 150.500000m));

        body.GetProperty("client_order_id").GetString().ShouldBe("tn-1");
        body.GetProperty("qty").GetString().ShouldBe("3");
        body.GetProperty("limit_price").GetString().ShouldBe("150.5");
        body.TryGetProperty("notional", out _).ShouldBeFalse();
        body.TryGetProperty("order_class", out _).ShouldBeFalse();
    }

    [Fact]
    public void Risk_approved_stop_loss_and_take_profit_become_an_alpaca_bracket_and_one_of_them_an_oto()
    {
        var bracket = Json(Order(quantity: 2m, limit: 100m, stopLoss: 95m, takeProfit: 110m));
        var oto = Json(Order(quantity: 2m, limit: 100m, stopLoss: 95m));

        bracket.GetProperty("order_class").GetString().ShouldBe("bracket");
        bracket.GetProperty("stop_loss").GetProperty("stop_price").GetString().ShouldBe("95");
        bracket.GetProperty("take_profit").GetProperty("limit_price").GetString().ShouldBe("110");
        oto.GetProperty("order_class").GetString().ShouldBe("oto");
        oto.TryGetProperty("take_profit", out _).ShouldBeFalse();
    }

    [Fact]
    public void Fractional_orders_stay_simple_because_alpaca_refuses_fractional_brackets()
    {
        var body = Json(Order(quantity: 0.5m, limit: null, type: OrderTypes.Market, stopLoss: 95m, takeProfit: 110m));

        body.TryGetProperty("order_class", out _).ShouldBeFalse();
        body.GetProperty("qty").GetString().ShouldBe("0.5");
    }

    private static JsonElement Json(Order order) =>
        JsonSerializer.SerializeToElement(AlpacaOrderRequests.From(order), AlpacaJson.Options);

    private static Order Order(decimal quantity, decimal? limit, string type = OrderTypes.Limit, decimal? stopLoss = null, decimal? takeProfit = null) => new()
    {
        ClientOrderId = "tn-1",
        Symbol = "IBM",
        Side = OrderSides.Buy,
        Type = type,
        TimeInForce = TimesInForce.Gtc,
        Quantity = quantity,
        LimitPrice = limit,
        StopLossPrice = stopLoss,
        TakeProfitPrice = takeProfit,
        Status = OrderStatuses.Accepted,
        Mode = TradingModes.Live,
    };
}
