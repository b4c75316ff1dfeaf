using Microsoft.IdentityModel.Tokens;

namespace TradeNova.ServiceDefaults.Auth;

/// <summary>
/// Local verification keys, for the one service that holds them: Identity registers an implementation so it validates
/// its own tokens without fetching its own JWKS. Every other service reads Identity's OpenID configuration.
/// Every key must carry its <see cref="SecurityKey.KeyId"/>.
/// </summary>
public interface ISigningKeySource
{
    /// <param name="kid">The token's <c>kid</c>; an implementation may refresh when it does not know it. Null = all current keys.</param>
    ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(string? kid, CancellationToken ct);
}
