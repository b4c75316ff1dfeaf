namespace TradeNova.Portfolio.Notifications;

/// <summary>The <c>fillApplied</c> push; <paramref name="Mode"/> names the portfolio (<c>paper</c> or <c>live</c>).</summary>
public sealed record FillAppliedMessage(Guid OrderId, Guid FillId, string Mode);
