namespace TradeNova.Identity.Tokens;

/// <summary>Bound from <c>TradeNova:Identity:Tokens</c>; issuer and audience come from <c>TradeNova:Jwt</c>.</summary>
public sealed class IdentityTokenOptions
{
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>An active signing key older than this is replaced by a new one.</summary>
    public TimeSpan KeyRotationPeriod { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often each replica reloads keys, so a rotation by another replica is seen.</summary>
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromMinutes(1);
}
