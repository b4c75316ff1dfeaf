using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace TradeNova.ServiceDefaults.Auth;

/// <summary>
/// The token rules of docs/platform-contract.md on JwtBearer: ES256 only, issuer, audience, lifetime with 30 s skew,
/// claims under their JWT names (<c>sub</c> is the user id). Keys come from Identity's
/// <c>http://identity/.well-known/openid-configuration</c> (service discovery resolves <c>services:identity:http:0</c>);
/// a token with an unknown <c>kid</c> asks for a refetch, which the ConfigurationManager honours at most once per
/// <see cref="UnknownKidRefetchInterval"/>, so a flood of forged kids cannot become a flood of JWKS requests.
/// Identity itself registers an <see cref="ISigningKeySource"/> over its local keys instead.
/// </summary>
internal sealed class ConfigureTradeNovaJwtBearer(
    IOptions<TradeNovaJwtOptions> jwt,
    IHttpClientFactory httpClientFactory,
    IServiceProvider services) : IConfigureNamedOptions<JwtBearerOptions>
{
    public const string HttpClientName = "tradenova-identity-metadata";
    public const string MetadataAddress = "http://identity/.well-known/openid-configuration";
    public static readonly TimeSpan UnknownKidRefetchInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan KeysRefreshInterval = TimeSpan.FromMinutes(10);

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != TradeNovaAuthDefaults.Scheme)
            return;

        var settings = jwt.Value;
        options.MapInboundClaims = false;
        options.IncludeErrorDetails = false;
        options.Events = new TradeNovaJwtBearerEvents();
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAlgorithms = [TradeNovaAuthDefaults.Algorithm],
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            RequireAudience = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = settings.ClockSkew,
            TryAllIssuerSigningKeys = false,
            AuthenticationType = TradeNovaAuthDefaults.Scheme,
            NameClaimType = TradeNovaClaims.Subject,
            RoleClaimType = TradeNovaClaims.Role,
        };

        if (services.GetService<ISigningKeySource>() is { } localKeys)
        {
            options.ConfigurationManager = new SigningKeySourceConfigurationManager(localKeys);
            return;
        }

        // Plain http: Identity is reached on loopback or inside the cluster network, never across the internet.
        options.RequireHttpsMetadata = false;
        options.MetadataAddress = MetadataAddress;
        options.Backchannel = httpClientFactory.CreateClient(HttpClientName);
        options.RefreshOnIssuerKeyNotFound = true;
        options.RefreshInterval = UnknownKidRefetchInterval;
        options.AutomaticRefreshInterval = KeysRefreshInterval;
    }
}
