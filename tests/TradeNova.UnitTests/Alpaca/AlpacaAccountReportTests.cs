using TradeNova.Execution.Brokers.Alpaca.Accounts;
using TradeNova.Execution.Brokers.Alpaca.Dto;

namespace TradeNova.UnitTests.Alpaca;

public class AlpacaAccountReportTests
{
    [Fact]
    public void Alpacas_account_and_positions_become_the_report_with_shorts_negative()
    {
        var asOf = new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero);
        var account = new AlpacaAccount { Id = "id", AccountNumber = "PA1", Cash = 1_000.5m, Equity = 2_100.5m };
        AlpacaPosition[] positions =
        [
            new() { Symbol = "aapl", Qty = 10m, Side = "long", AvgEntryPrice = 150m, MarketValue = 1_600m },
            new() { Symbol = "TSLA", Qty = 2m, Side = "short", AvgEntryPrice = 250m, MarketValue = -500m },
            new() { Symbol = "ZERO", Qty = 0m, Side = "long" },
        ];

        var report = AlpacaAccountReport.From(Guid.Empty, account, positions, asOf, "paper");

        report.AccountNumber.ShouldBe("PA1");
        report.Cash.ShouldBe(1_000.5m);
        report.Equity.ShouldBe(2_100.5m);
        report.AsOf.ShouldBe(asOf);
        report.Positions.Select(p => (p.Symbol, p.Quantity, p.AverageEntryPrice, p.MarketValue))
            .ShouldBe([("AAPL", 10m, 150m, 1_600m), ("TSLA", -2m, 250m, -500m)]);
    }
}
