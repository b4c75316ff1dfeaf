namespace TradeNova.Gateway.RateLimiting;

/// <summary>Limits for <c>/api</c>, bound from <c>TradeNova:RateLimits</c>.</summary>
public sealed class GatewayRateLimitOptions
{
    public const string SectionName = "TradeNova:RateLimits";

    /// <summary>Per authenticated user (the token's <c>sub</c>).</summary>
    public FixedWindowLimit PerUser { get; set; } = new() { PermitLimit = 300, WindowSeconds = 60 };

    /// <summary>Per client IP for calls without a valid token.</summary>
    public FixedWindowLimit PerIp { get; set; } = new() { PermitLimit = 120, WindowSeconds = 60 };

    /// <summary>
    /// Per client IP for register, login, refresh and password change, whatever token comes with them: these are where
    /// passwords are guessed and accounts mass-created, so the budget is tight and a valid token cannot buy a bigger one.
    /// </summary>
    public FixedWindowLimit Auth { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };
}
