using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace TradeNova.ServiceDefaults.Auth;

/// <summary>Hands JwtBearer the keys of a local <see cref="ISigningKeySource"/> (Identity validating its own tokens).</summary>
internal sealed class SigningKeySourceConfigurationManager(ISigningKeySource source) : IConfigurationManager<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var configuration = new OpenIdConnectConfiguration();
        foreach (var key in await source.GetKeysAsync(kid: null, cancel))
            configuration.SigningKeys.Add(key);
        return configuration;
    }

    /// <summary>The source reloads by itself (its keys come from the database, cached briefly).</summary>
    public void RequestRefresh()
    {
    }
}
