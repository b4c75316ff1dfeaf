namespace TradeNova.Contracts.Portfolio;

/// <summary>
/// The periodic mark-to-market of many portfolios at once: what one <see cref="PortfolioValued"/> per portfolio would
/// carry, in one message per revaluation batch. A consumer applies each element exactly as the single event (its
/// <c>ValuedAt</c> ordering included), so the periodic pass costs each consumer one delivery and one transaction per
/// batch instead of one per portfolio. Valuations that follow a fill stay single <see cref="PortfolioValued"/> events.
/// </summary>
public sealed record PortfoliosValued(IReadOnlyList<PortfolioValued> Valuations);
