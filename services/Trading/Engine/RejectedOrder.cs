using TradeNova.Trading.Orders;

namespace TradeNova.Trading.Engine;

/// <summary>An order the engine did not fill: rejected at submission (validation or risk rules) or at the fill (for
/// example no cash for a single share at the fill price).</summary>
/// <param name="OrderId">0 when rejected before it was given an id (at submission).</param>
/// <param name="Code">A stable code from <see cref="OrderRejectionCodes"/> or <see cref="Risk.RiskReasonCodes"/>.</param>
public sealed record RejectedOrder(long OrderId, DateTimeOffset Time, OrderRequest Request, string Code, string Message);
