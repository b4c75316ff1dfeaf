namespace TradeNova.Portfolio.Notifications;

/// <summary>The <c>fillApplied</c> push; <paramref name="Mode"/> names the portfolio (<c>paper</c> or <c>live</c>).
/// <paramref name="SentAt"/> is when Portfolio sent it: the fill was committed, and readable through the API, before.</summary>
public sealed record FillAppliedMessage(Guid OrderId, Guid FillId, string Mode, DateTimeOffset SentAt);
