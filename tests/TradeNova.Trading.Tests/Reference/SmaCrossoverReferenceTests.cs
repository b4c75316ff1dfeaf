using System.Globalization;
using System.Text.Json;
using TradeNova.Trading.Data;
using TradeNova.Trading.Engine;
using TradeNova.Trading.Risk;
using TradeNova.Trading.Strategies.BuiltIn;

namespace TradeNova.Trading.Tests.Reference;

/// <summary>The issue's acceptance test: the built-in SMA(10)/SMA(30) crossover — the strategy users run — over the
/// bundled S&amp;P 500 history reproduces an independently written reference (tests/reference/engine, python with exact
/// decimals) trade by trade and in final equity to the cent.</summary>
public class SmaCrossoverReferenceTests
{
    [Fact]
    public void Sma_10_30_crossover_on_the_sp500_matches_the_independent_reference_trade_by_trade()
    {
        using var reference = EngineReferenceScript.Run("sma_crossover_reference.py", EngineReferenceScript.Sp500Csv, "10", "30", "100000");
        var expected = reference.RootElement;
        var options = new BacktestOptions { InitialCash = 100_000m, Risk = RiskLimits.None };

        var result = new BacktestEngine(options).Run(
            new SmaCrossoverStrategy(new SmaCrossoverParameters(BundledMarketData.Sp500Symbol, 10, 30)),
            [BundledMarketData.Sp500()]);

        expected.GetProperty("bars").GetInt32().ShouldBe(result.TotalBars);
        var trades = expected.GetProperty("trades").EnumerateArray().ToArray();
        trades.Length.ShouldBeGreaterThan(50);
        result.Trades.Count.ShouldBe(trades.Length);
        for (var i = 0; i < trades.Length; i++)
        {
            var actual = result.Trades[i];
            var want = trades[i];
            var label = $"trade {i + 1} entered {want.GetProperty("entry_date").GetString()}";
            actual.EntryTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture).ShouldBe(want.GetProperty("entry_date").GetString(), label);
            actual.ExitTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture).ShouldBe(want.GetProperty("exit_date").GetString(), label);
            actual.EntryPrice.ShouldBe(Decimal(want, "entry_price"), label);
            actual.ExitPrice.ShouldBe(Decimal(want, "exit_price"), label);
            actual.Quantity.ShouldBe(Decimal(want, "quantity"), label);
            actual.NetProfit.ShouldBe(Decimal(want, "profit"), label);
        }

        result.FinalCash.ShouldBe(Decimal(expected, "final_cash"));
        result.OpenPositions.Sum(p => p.Quantity).ShouldBe(Decimal(expected, "open_quantity"));
        result.FinalEquity.ShouldBe(Decimal(expected, "final_equity"));
        decimal.Round(result.FinalEquity, 2).ShouldBe(decimal.Round(Decimal(expected, "final_equity"), 2));
        result.Rejections.ShouldBeEmpty();
    }

    private static decimal Decimal(JsonElement element, string name) =>
        decimal.Parse(element.GetProperty(name).GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
}
