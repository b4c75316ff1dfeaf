namespace TradeNova.Identity.Model;

/// <summary>
/// A one-time link an administrator issued so that a trader who forgot the password can set a new one. Only the
/// SHA-256 of the token is stored; it is used once, within its lifetime, and a newer link for the user voids it.
/// </summary>
public sealed class PasswordReset
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public required string TokenHash { get; init; }

    public Guid IssuedBy { get; init; }

    public DateTimeOffset IssuedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When it was used, or voided by a newer link; null while it can still be used.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
}
