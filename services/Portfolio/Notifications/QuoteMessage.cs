namespace TradeNova.Portfolio.Notifications;

/// <summary>One quote in the hub's <c>quotes</c> push; <see cref="ChangePercent"/> against the previous close (fraction).</summary>
public sealed record QuoteMessage(
    string Symbol, decimal Last, decimal Bid, decimal Ask, decimal PreviousClose, decimal Change, decimal ChangePercent, DateTimeOffset Timestamp);
