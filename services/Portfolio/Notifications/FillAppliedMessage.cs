namespace TradeNova.Portfolio.Notifications;

/// <summary>The <c>fillApplied</c> push.</summary>
public sealed record FillAppliedMessage(Guid OrderId, Guid FillId);
