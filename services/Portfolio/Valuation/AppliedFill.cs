using TradeNova.Contracts.Portfolio;

namespace TradeNova.Portfolio.Valuation;

/// <summary>The fill a revaluation follows, named in its <see cref="PortfolioValued"/>.</summary>
public sealed record AppliedFill(Guid OrderId, Guid FillId);
