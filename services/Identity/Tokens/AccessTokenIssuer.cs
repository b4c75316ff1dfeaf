using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TradeNova.ServiceDefaults.Auth;

namespace TradeNova.Identity.Tokens;

/// <summary>Signs 15-minute ES256 access tokens with the active key; its <c>kid</c> goes into the header.</summary>
public sealed class AccessTokenIssuer(
    SigningKeyStore keys,
    TimeProvider time,
    IOptions<IdentityTokenOptions> tokenOptions,
    IOptionsMonitor<TradeNovaJwtOptions> jwtOptions)
{
    private static readonly JsonWebTokenHandler Handler = new();

    public TimeSpan Lifetime => tokenOptions.Value.AccessTokenLifetime;

    /// <summary>The signing keys, loaded (on a connection of their own) when the cache has run out.</summary>
    public ValueTask<SigningKeySet> KeysAsync(CancellationToken cancellationToken) => keys.GetAsync(cancellationToken);

    public string Sign(User user, Guid sessionId, SigningKeySet keySet)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var jwt = jwtOptions.CurrentValue;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(keySet.Active, SecurityAlgorithms.EcdsaSha256),
            Claims = new Dictionary<string, object>
            {
                [TradeNovaClaims.Subject] = user.Id.ToString(),
                [TradeNovaClaims.Email] = user.Email,
                [TradeNovaClaims.Role] = user.Role,
                [TradeNovaClaims.Plan] = user.Plan,
                [TradeNovaClaims.SubscriptionStatus] = user.SubscriptionStatus,
                [TradeNovaClaims.TokenId] = Guid.NewGuid().ToString("N"),
                [TradeNovaClaims.SessionId] = sessionId.ToString(),
            },
        });
    }
}
