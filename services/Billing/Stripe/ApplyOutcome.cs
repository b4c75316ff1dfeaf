namespace TradeNova.Billing.Stripe;

public enum ApplyResult
{
    Applied,
    Duplicate,
    Ignored,

    /// <summary>The event names no user Billing can find yet; Stripe should deliver it again later.</summary>
    Unmatched,
}

/// <summary>What applying one event did, and the subscription whose state to re-derive.</summary>
public sealed record ApplyOutcome(ApplyResult Result, Subscription? Subscription = null);
