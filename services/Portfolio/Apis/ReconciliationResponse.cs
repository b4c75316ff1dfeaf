namespace TradeNova.Portfolio.Apis;

/// <summary>One corrected difference: <paramref name="Kind"/> <c>cash</c>, <c>quantity</c> or <c>average_price</c>,
/// what the portfolio had and what the broker reported (plus fills since).</summary>
public sealed record ReconciliationResponse(
    string Kind, string? Symbol, decimal PortfolioValue, decimal BrokerValue, DateTimeOffset AsOf, DateTimeOffset CorrectedAt);
