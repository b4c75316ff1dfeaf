using TradeNova.Portfolio.Model;
using TradeNova.Portfolio.Valuation;

namespace TradeNova.UnitTests.Portfolio;

public class PortfolioMarkerTests
{
    [Fact]
    public void Mark_gives_equity_unrealized_weight_day_pnl_and_drawdown()
    {
        var portfolio = new UserPortfolio
        {
            Mode = "paper", Currency = "USD", Cash = 7_898.00m, StartOfDayEquity = 10_000m, PeakEquity = 10_200m,
        };
        Position[] positions =
        [
            new() { Symbol = "AAPL", Quantity = 20m, AverageCost = 105m, LastPrice = 105m },
        ];

        var mark = PortfolioMarker.Mark(portfolio, positions, (_, _) => 100m);

        mark.PositionsValue.ShouldBe(2_000.00m);
        mark.Equity.ShouldBe(9_898.00m);
        mark.UnrealizedPnl.ShouldBe(-100.00m);           // 20 × (100 - 105)
        mark.DayPnl.ShouldBe(-102.00m);
        mark.DayPnlPercent.ShouldBe(-0.0102m);
        mark.Drawdown.ShouldBe(0.029608m);                // (10,200 - 9,898) / 10,200 = 0.0296078…
        mark.Positions[0].Weight.ShouldBe(0.202061m);     // 2,000 / 9,898 = 0.2020610…
        mark.Positions[0].UnrealizedPnlPercent.ShouldBe(-0.047619m);
    }
}
