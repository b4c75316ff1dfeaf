using TradeNova.Contracts.Execution;
using TradeNova.Portfolio.Apis;

namespace TradeNova.Portfolio.Notifications;

/// <summary>
/// The <c>fillApplied</c> push: everything the owner's screens learn from one fill, in one message. <paramref name="Orders"/>
/// are the orders the fill changed (each as an <c>orderUpdated</c> payload: the filled order, legs it opened or closed),
/// <paramref name="Fill"/> the fill (as an <c>orderFilled</c> payload) and <paramref name="Portfolio"/> the portfolio right
/// after it (as a <c>portfolioUpdated</c> payload). <paramref name="Mode"/> names the portfolio (<c>paper</c> or
/// <c>live</c>). <paramref name="SentAt"/> is when Portfolio sent it: the fill was committed, and readable through the API,
/// before.
/// </summary>
public sealed record FillAppliedMessage(
    Guid OrderId,
    Guid FillId,
    string Mode,
    DateTimeOffset SentAt,
    IReadOnlyList<OrderUpdated> Orders,
    OrderFilled Fill,
    PortfolioResponse Portfolio);
