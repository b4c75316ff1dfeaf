using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TradeNova.ServiceDefaults.Auth;

/// <summary>
/// Validates TradeNova access tokens: compact JWS only (checked before the library sees it), ES256 only, a known
/// <c>kid</c>, issuer, audience and lifetime with <see cref="TradeNovaJwtOptions.ClockSkew"/>. Claims keep their JWT names.
/// </summary>
public sealed class TradeNovaTokenValidator(ISigningKeySource keySource, IOptionsMonitor<TradeNovaJwtOptions> options)
{
    private static readonly JsonWebTokenHandler Handler = new();

    public async ValueTask<TokenValidationOutcome> ValidateAsync(string token, CancellationToken ct)
    {
        if (!CompactJws.TryReadHeader(token, out var header))
            return TokenValidationOutcome.Failure("The token is not a compact JWS.");
        if (header.HasEncryptionOrCompression)
            return TokenValidationOutcome.Failure("Encrypted or compressed tokens are not accepted.");
        if (header.Algorithm != TradeNovaAuthDefaults.Algorithm)
            return TokenValidationOutcome.Failure("The token's algorithm is not accepted.");
        if (string.IsNullOrEmpty(header.KeyId))
            return TokenValidationOutcome.Failure("The token has no key id.");

        var keys = (await keySource.GetKeysAsync(header.KeyId, ct)).Where(k => k.KeyId == header.KeyId).ToArray();
        if (keys.Length == 0)
            return TokenValidationOutcome.Failure("The token's key id is unknown.");

        var result = Handler.ValidateToken(token, CreateParameters(options.CurrentValue, keys));
        if (!result.IsValid || result.ClaimsIdentity is null)
            return TokenValidationOutcome.Failure($"The token was rejected ({result.Exception?.GetType().Name ?? "invalid"}).");

        return TokenValidationOutcome.Success(new ClaimsPrincipal(result.ClaimsIdentity));
    }

    private static TokenValidationParameters CreateParameters(TradeNovaJwtOptions settings, IReadOnlyList<SecurityKey> keys) => new()
    {
        ValidAlgorithms = [TradeNovaAuthDefaults.Algorithm],
        ValidateIssuer = true,
        ValidIssuer = settings.Issuer,
        ValidateAudience = true,
        ValidAudience = settings.Audience,
        RequireAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = settings.ClockSkew,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = keys,
        TryAllIssuerSigningKeys = false,
        AuthenticationType = TradeNovaAuthDefaults.Scheme,
        NameClaimType = TradeNovaClaims.Subject,
        RoleClaimType = TradeNovaClaims.Role,
    };
}
