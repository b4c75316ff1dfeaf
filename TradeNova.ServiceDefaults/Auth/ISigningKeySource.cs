using Microsoft.IdentityModel.Tokens;

namespace TradeNova.ServiceDefaults.Auth;

/// <summary>
/// Public keys that may have signed an access token. Every key must carry its <see cref="SecurityKey.KeyId"/>:
/// a token is only checked against keys whose id equals its <c>kid</c>.
/// The default implementation reads Identity's JWKS; Identity itself registers one over its local keys.
/// </summary>
public interface ISigningKeySource
{
    /// <param name="kid">The token's <c>kid</c>; an implementation may refresh when it does not know it. Null = all current keys.</param>
    ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(string? kid, CancellationToken ct);
}
