namespace TradeNova.Billing.Domain;

/// <summary>What a subscription means right now: its status, whether it entitles, until when, and when to look again.</summary>
public sealed record SubscriptionState(string Status, bool Entitled, DateTimeOffset? AccessEndsAt, DateTimeOffset? NextReviewAt, string Reason);
