namespace TradeNova.Portfolio.Valuation;

/// <summary>Marks a portfolio to market, pure: equity = cash + Σ quantity × price; unrealized = Σ quantity × (price -
/// average cost); weight = market value / equity; day P&amp;L against start-of-day equity; drawdown from the peak
/// (including the equity now). Money to the cent, fractions to six decimals.</summary>
public static class PortfolioMarker
{
    public static PortfolioMark Mark(UserPortfolio portfolio, IEnumerable<Position> positions, Func<string, decimal, decimal> priceOf)
    {
        var raw = positions
            .Where(p => p.Quantity != 0m)
            .Select(p => (Position: p, Price: priceOf(p.Symbol, p.LastPrice > 0m ? p.LastPrice : p.AverageCost)))
            .ToList();
        var positionsValue = Cents(raw.Sum(r => r.Position.Quantity * r.Price));
        var equity = portfolio.Cash + positionsValue;
        var marks = raw
            .Select(r =>
            {
                var value = Cents(r.Position.Quantity * r.Price);
                var basis = Cents(r.Position.Quantity * r.Position.AverageCost);
                var unrealized = value - basis;
                return new PositionMark(
                    r.Position.Symbol, r.Position.Quantity, r.Position.AverageCost, r.Price, value, basis, unrealized,
                    basis != 0m ? Fraction(unrealized / Math.Abs(basis)) : 0m,
                    equity != 0m ? Fraction(value / equity) : 0m);
            })
            .OrderByDescending(m => Math.Abs(m.MarketValue))
            .ToList();
        var startOfDay = portfolio.StartOfDayEquity;
        var peak = Math.Max(portfolio.PeakEquity, equity);
        var dayPnl = equity - startOfDay;
        return new PortfolioMark(
            portfolio.Cash,
            positionsValue,
            equity,
            marks.Sum(m => m.UnrealizedPnl),
            portfolio.RealizedPnl,
            portfolio.Fees,
            startOfDay,
            dayPnl,
            startOfDay != 0m ? Fraction(dayPnl / startOfDay) : 0m,
            peak,
            peak > 0m ? Fraction(Math.Max(0m, peak - equity) / peak) : 0m,
            marks);
    }

    private static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static decimal Fraction(decimal value) => Math.Round(value, 6, MidpointRounding.AwayFromZero);
}
