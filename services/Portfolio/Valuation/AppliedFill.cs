using TradeNova.Contracts.Execution;
using TradeNova.Contracts.Portfolio;

namespace TradeNova.Portfolio.Valuation;

/// <summary>The fill a revaluation follows, named in its <see cref="PortfolioValued"/> and carried whole in its
/// <see cref="PortfolioFillApplied"/>.</summary>
public sealed record AppliedFill(OrderFilled Fill)
{
    public Guid OrderId => Fill.OrderId;

    public Guid FillId => Fill.FillId;
}
