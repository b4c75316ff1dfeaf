namespace TradeNova.LoopFloor;

// The loop's messages at their smallest: the pre-trade request and its answer, the fill, and the user's arrival.
public sealed record CheckOrder(Guid OrderId, Guid UserId, string Symbol, decimal Notional);

public sealed record OrderChecked(Guid OrderId, bool Approved, string[] ReasonCodes);

public sealed record OrderFilled(Guid OrderId, Guid FillId, Guid UserId, string Symbol, decimal Quantity, decimal Price, DateTime FilledAt);

public sealed record UserJoined(Guid UserId, decimal Cash);
