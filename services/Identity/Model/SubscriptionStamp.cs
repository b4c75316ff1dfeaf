namespace TradeNova.Identity.Model;

/// <summary>
/// The newest Billing subscription event applied to a user (Billing's version, then its time), so one that
/// arrives after a newer one changes nothing.
/// </summary>
public sealed class SubscriptionStamp
{
    public Guid UserId { get; init; }

    public long Version { get; set; }

    public DateTimeOffset EffectiveAt { get; set; }
}
