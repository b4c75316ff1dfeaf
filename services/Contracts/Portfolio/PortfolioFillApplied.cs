using TradeNova.Contracts.Execution;

namespace TradeNova.Contracts.Portfolio;

/// <summary>
/// Portfolio applied <paramref name="Fill"/>: <paramref name="Valuation"/> is the portfolio right after it (its
/// <see cref="PortfolioValued.AppliedOrderId"/> and <see cref="PortfolioValued.AppliedFillId"/> name the fill), with the
/// few account fields a dashboard needs besides (<paramref name="Fees"/> to date, <paramref name="Currency"/>,
/// <paramref name="OpenedAt"/>), so the owner's screens learn of the fill and see the portfolio that holds it from one
/// message, without reading the portfolio again.
/// </summary>
/// <remarks>
/// For the account's live view only: it is not a <see cref="PortfolioValued"/>, so Risk and Execution do not receive one
/// per fill. They take a fill's cash and position from <c>OrderFilled</c> (a fill at the market moves equity by its fee
/// only) and equity from the periodic pass (<see cref="PortfoliosValued"/>), which revalues every holder when prices move.
/// </remarks>
public sealed record PortfolioFillApplied(PortfolioValued Valuation, decimal Fees, string Currency, DateTimeOffset OpenedAt, OrderFilled Fill);
