namespace TradeNova.Identity.Model;

/// <summary>
/// Failed logins for one account key (a hash of the normalised email, known or not) from one client address. The lock
/// is per address, so an attacker elsewhere can never lock the real user out of their own network.
/// </summary>
public sealed class LoginThrottleEntry
{
    public required string AccountKey { get; init; }

    public required string ClientAddress { get; init; }

    public int Failures { get; set; }

    public DateTimeOffset LastFailedAt { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}
