using System.Net;
using TradeNova.Contracts.Risk;

namespace TradeNova.IntegrationTests.Platform;

/// <summary>
/// Pre-trade limits on the running platform: a user places real orders with <c>POST /api/v1/orders</c> through the
/// gateway and the whole loop runs (Execution asks Risk, the paper exchange fills, Portfolio applies and values, Risk
/// reads the valuation). Starting equity is $10,000, so 10% is $1,000.
/// </summary>
[Collection(PlatformCollection.Name)]
public class TradingLoopRiskLimitTests(PlatformFixture platform)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Order_that_would_make_a_position_11_percent_of_equity_is_rejected_with_max_position()
    {
        using var gateway = platform.CreateGatewayClient();
        var trader = await TradingLoopTrader.NewAsync(gateway);

        var tooBig = await trader.BuyAsync("COST", 1_100m);

        tooBig.Status().ShouldBe("rejected", tooBig.Describe());
        tooBig.Codes().ShouldBe([RiskReasonCodes.MaxPosition], tooBig.Describe());
        (await trader.OrderAsync(tooBig.Id())).Codes().ShouldContain(RiskReasonCodes.MaxPosition, "the rejection is kept with the order");

        // The size was the only reason: 9% of equity in the same symbol passes and fills.
        var filled = await trader.BuyFilledAsync("COST", 900m);
        var portfolio = await trader.WaitForPortfolioAsync(p => p.Quantity("COST") > 0m, "COST in the portfolio");
        portfolio.Quantity("COST").ShouldBe(filled.Money("filledQuantity"));
    }

    [Fact]
    public async Task Eleventh_position_is_rejected_with_max_open_positions_while_adding_to_a_held_one_passes()
    {
        using var gateway = platform.CreateGatewayClient();
        var trader = await TradingLoopTrader.NewAsync(gateway);
        string[] ten = ["DIS", "TXN", "QCOM", "ADBE", "CRM", "CSCO", "ABBV", "MRK", "GILD", "MDT"];

        foreach (var symbol in ten)
        {
            await trader.BuyFilledAsync(symbol, 300m);
        }

        await trader.WaitForRiskAsync(r => r.OpenPositions() == 10, "Risk counts ten open positions");
        var eleventh = await trader.BuyAsync("AMGN", 300m);

        eleventh.Status().ShouldBe("rejected", eleventh.Describe());
        eleventh.Codes().ShouldBe([RiskReasonCodes.MaxOpenPositions], eleventh.Describe());
        (await trader.BuyAsync("DIS", 300m)).Status().ShouldBeOneOf(["accepted", "partially_filled", "filled"], "adding to a held position opens no new one");
    }

    [Fact]
    public async Task Same_idempotency_key_twice_gives_one_order_and_one_fill()
    {
        using var gateway = platform.CreateGatewayClient();
        var trader = await TradingLoopTrader.NewAsync(gateway);
        var key = Guid.NewGuid().ToString();
        var order = new { symbol = "ORCL", side = "buy", type = "market", timeInForce = "day", notional = 250m };

        using var first = await trader.PostOrderAsync(order, key);
        using var second = await trader.PostOrderAsync(order, key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.Created, "the first response, replayed");
        second.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        var firstBody = await first.Content.ReadAsStringAsync(Ct);
        (await second.Content.ReadAsStringAsync(Ct)).ShouldBe(firstBody);
        using (var otherBody = await trader.PostOrderAsync(order with { notional = 300m }, key))
        {
            otherBody.StatusCode.ShouldBe(HttpStatusCode.Conflict, "the same key with another body");
        }

        var id = System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>(firstBody).Id();
        await trader.WaitForOrderAsync(id, o => o.Status() == "filled", "the order filled");
        var placed = (await trader.OrdersAsync("symbol=ORCL&side=buy")).Where(o => o.GetProperty("parentOrderId").ValueKind == System.Text.Json.JsonValueKind.Null).ToList();
        placed.Select(o => o.Id()).ShouldBe([id]);
        var trades = await trader.WaitForPortfolioAsync(p => p.Quantity("ORCL") > 0m, "ORCL in the portfolio");
        (await trader.GetJsonAsync("/api/v1/portfolio/trades?symbol=ORCL")).GetProperty("total").GetInt32().ShouldBe(1, trades.Describe());
    }
}
