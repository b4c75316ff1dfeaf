using TradeNova.Contracts.Risk;

namespace TradeNova.IntegrationTests.Platform;

/// <summary>
/// Post-trade halts and Risk's availability on the running platform, through the gateway. Prices move the way an
/// operator would move them: audited shocks on the simulated feed (<see cref="TradingLoopMarket"/>), on symbols no other
/// platform test trades, reset afterwards. The bracket every opening order gets sells a shocked position into the gap,
/// so the loss is realized at the shocked price, as on a real exchange.
/// </summary>
[Collection(PlatformCollection.Name)]
public class TradingLoopHaltTests(PlatformFixture platform)
{
    [Fact]
    public async Task After_a_5_percent_day_loss_buys_are_rejected_and_sells_pass()
    {
        using var gateway = platform.CreateGatewayClient();
        var trader = await TradingLoopTrader.NewAsync(gateway);
        await using var market = await TradingLoopMarket.AsAdminAsync(platform, gateway);
        await trader.BuyFilledAsync("CAT", 950m);
        await trader.BuyFilledAsync("MCD", 400m);
        await trader.WaitForRiskAsync(r => r.OpenPositions() == 2, "Risk sees both positions");

        // CAT gaps down 60%: its stop-loss sells 9.5% of equity at 40% of cost, a 5.7% loss on the day.
        await market.ShockAsync("CAT", -60m, "rehearse a gap through the daily-loss limit");

        var risk = await trader.WaitForRiskAsync(r => r.HaltCodes().Contains(RiskReasonCodes.DailyLoss), "daily-loss halt");
        risk.HaltCodes().ShouldNotContain(RiskReasonCodes.Drawdown, risk.Describe());
        var portfolio = await trader.PortfolioAsync();
        portfolio.Quantity("CAT").ShouldBe(0m, "the stop-loss leg closed CAT");
        portfolio.Money("dayPnl").ShouldBeLessThanOrEqualTo(-500m, portfolio.Describe());

        var buy = await trader.BuyAsync("MCD", 100m);
        buy.Status().ShouldBe("rejected", buy.Describe());
        buy.Codes().ShouldContain(RiskReasonCodes.DailyLoss);

        var held = portfolio.Quantity("MCD");
        var half = Math.Round(held / 2m, 6, MidpointRounding.ToZero);
        var sell = await trader.SellAsync("MCD", half);
        sell.Status().ShouldBeOneOf(["accepted", "partially_filled", "filled"], sell.Describe());
        await trader.WaitForOrderAsync(sell.Id(), o => o.Status() == "filled", "the sell filled");
        await trader.WaitForPortfolioAsync(p => p.Quantity("MCD") == held - half, "MCD reduced by the sell");
    }

    [Fact]
    public async Task After_a_15_percent_drawdown_trading_stays_halted_across_a_Risk_restart_until_resumed()
    {
        using var gateway = platform.CreateGatewayClient();
        var trader = await TradingLoopTrader.NewAsync(gateway);
        await using var market = await TradingLoopMarket.AsAdminAsync(platform, gateway);

        // A rally first, so the drawdown is measured from a peak far above the day's start and no daily-loss halt muddles
        // the picture: four 9% positions triple and their take-profits sell them at the new price (equity about 17,200).
        string[] rally = ["HON", "UPS", "UNP", "LMT"];
        foreach (var symbol in rally)
        {
            await trader.BuyFilledAsync(symbol, 900m);
        }

        foreach (var symbol in rally)
        {
            await market.ShockAsync(symbol, 200m, "rehearse a rally before a crash");
        }

        var peak = await trader.WaitForRiskAsync(
            r => r.OpenPositions() == 0 && r.Usage().Money("peakEquity") >= 16_500m, "the rally's gains realized and seen by Risk");
        var peakEquity = peak.Usage().Money("peakEquity");

        // Then a crash: four 9% positions halve; their stop-losses sell at the gap, about 18% below the peak.
        string[] crash = ["BA", "LOW", "SBUX", "NKE"];
        var size = Math.Round(peakEquity * 0.09m, 2);
        foreach (var symbol in crash)
        {
            await trader.BuyFilledAsync(symbol, size);
        }

        foreach (var symbol in crash)
        {
            await market.ShockAsync(symbol, -50m, "rehearse a crash through the drawdown limit");
        }

        var halted = await trader.WaitForRiskAsync(r => r.HaltCodes().Contains(RiskReasonCodes.Drawdown), "drawdown halt");
        halted.HaltCodes().ShouldNotContain(RiskReasonCodes.DailyLoss, "equity is still above the day's start");
        (await trader.BuyAsync("BA", 100m)).Codes().ShouldContain(RiskReasonCodes.Drawdown);

        // The halt is Risk's own state: a crash and restart of Risk does not lift it.
        await platform.KillAsync("risk");
        await platform.RestartAsync("risk");
        var afterRestart = await trader.BuyAsync("BA", 100m);
        afterRestart.Status().ShouldBe("rejected", afterRestart.Describe());
        afterRestart.Codes().ShouldContain(RiskReasonCodes.Drawdown);
        (await trader.RiskAsync()).HaltCodes().ShouldContain(RiskReasonCodes.Drawdown);

        // The user acknowledges and resumes; opening orders pass again.
        var resumed = await trader.ResumeAsync("I have reviewed the drawdown");
        resumed.GetProperty("halted").GetBoolean().ShouldBeFalse(resumed.Describe());
        await trader.BuyFilledAsync("BA", 100m);
    }

    [Fact]
    public async Task With_Risk_stopped_orders_are_rejected_as_risk_unavailable()
    {
        using var gateway = platform.CreateGatewayClient();
        var trader = await TradingLoopTrader.NewAsync(gateway);

        System.Text.Json.JsonElement unchecked_;
        await platform.KillAsync("risk");
        try
        {
            unchecked_ = await trader.BuyAsync("MDT", 200m);
        }
        finally
        {
            await platform.RestartAsync("risk");
        }

        unchecked_.Status().ShouldBe("rejected", unchecked_.Describe());
        unchecked_.Codes().ShouldBe([RiskReasonCodes.Unavailable], unchecked_.Describe());
        (await trader.PortfolioAsync()).Quantity("MDT").ShouldBe(0m, "nothing reached the exchange");

        // Risk back: the same order is checked and approved.
        await trader.BuyFilledAsync("MDT", 200m);
    }
}
