using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace TradeNova.Identity.Tokens;

/// <summary>
/// Hands JwtBearer Identity's own published keys, so Identity validates its tokens without fetching its own JWKS over
/// HTTP. Every other service reads Identity's OpenID configuration (ServiceDefaults).
/// </summary>
public sealed class LocalSigningKeysConfigurationManager(SigningKeyStore store) : IConfigurationManager<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var configuration = new OpenIdConnectConfiguration();
        foreach (var key in (await store.GetAsync(cancel)).Published)
            configuration.SigningKeys.Add(key);
        return configuration;
    }

    /// <summary>The store reloads by itself (its keys come from the database, cached briefly).</summary>
    public void RequestRefresh()
    {
    }
}
