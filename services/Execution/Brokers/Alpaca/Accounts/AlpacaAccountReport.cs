using TradeNova.Contracts.Execution;
using TradeNova.Execution.Brokers.Alpaca.Dto;

namespace TradeNova.Execution.Brokers.Alpaca.Accounts;

/// <summary>Alpaca's account and positions as the platform's <see cref="BrokerAccountSynced"/>, pure. A short position
/// is a negative quantity (Alpaca reports <c>side: short</c>; its <c>qty</c> may come unsigned). Equity is Alpaca's, or
/// cash plus market values when it leaves the field out.</summary>
public static class AlpacaAccountReport
{
    public static BrokerAccountSynced From(
        Guid userId, AlpacaAccount account, IReadOnlyList<AlpacaPosition> positions, DateTimeOffset asOf, string environment)
    {
        var reported = positions
            .Where(p => p.Qty != 0m)
            .Select(p =>
            {
                var quantity = string.Equals(p.Side, "short", StringComparison.OrdinalIgnoreCase) ? -Math.Abs(p.Qty) : p.Qty;
                var averagePrice = p.AvgEntryPrice ?? p.CostBasis / Math.Abs(p.Qty) ?? 0m;
                var marketValue = p.MarketValue ?? (p.CurrentPrice is { } price ? price * quantity : averagePrice * quantity);
                return new BrokerPosition(p.Symbol.Trim().ToUpperInvariant(), quantity, averagePrice, marketValue);
            })
            .ToList();
        var cash = account.Cash ?? 0m;
        var equity = account.Equity ?? account.PortfolioValue ?? cash + reported.Sum(p => p.MarketValue);
        return new BrokerAccountSynced(userId, account.AccountNumber, cash, equity, reported, asOf, environment);
    }
}
