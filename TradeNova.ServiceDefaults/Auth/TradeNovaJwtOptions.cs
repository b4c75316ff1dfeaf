namespace TradeNova.ServiceDefaults.Auth;

/// <summary>Token validation settings, bound from <c>TradeNova:Jwt</c>.</summary>
public sealed class TradeNovaJwtOptions
{
    public const string SectionName = "TradeNova:Jwt";

    public string Issuer { get; set; } = "tradenova-identity";

    public string Audience { get; set; } = "tradenova";

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
