namespace TradeNova.Identity.Model;

/// <summary>
/// One refresh token of a rotation family. Only the SHA-256 of the token is stored. A token is used once:
/// refreshing marks it rotated and issues the next one in the same family.
/// </summary>
public sealed class RefreshToken
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    /// <summary>Shared by every token descended from one login; reuse of a rotated token revokes the family.</summary>
    public Guid FamilyId { get; init; }

    public required string TokenHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RotatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The address the token was issued to (sign-in or refresh), as the gateway forwarded it.</summary>
    public string? ClientAddress { get; init; }

    /// <summary>The browser or client that asked for the token (its User-Agent, cut to <see cref="MaxUserAgentLength"/>).</summary>
    public string? UserAgent { get; init; }

    public const int MaxUserAgentLength = 200;
}
