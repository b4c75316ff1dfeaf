using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using TradeNova.ServiceDefaults.Auth;

namespace Microsoft.Extensions.Hosting;

public static class TradeNovaAuthenticationExtensions
{
    public const string MetadataHttpClientName = "tradenova-identity-metadata";
    public const string MetadataAddress = "http://identity/.well-known/openid-configuration";
    public static readonly TimeSpan UnknownKidRefetchInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan KeysRefreshInterval = TimeSpan.FromMinutes(10);

    /// <summary>
    /// JwtBearer as the default scheme <c>Bearer</c> with the token rules of docs/platform-contract.md: ES256 only,
    /// issuer, audience, lifetime with 30 s skew, claims under their JWT names (<c>sub</c> is the user id). Keys come from
    /// Identity's <c>http://identity/.well-known/openid-configuration</c> (service discovery resolves
    /// <c>services:identity:http:0</c>); a token with an unknown <c>kid</c> asks for a refetch, which the
    /// ConfigurationManager honours at most once per <see cref="UnknownKidRefetchInterval"/>, so a flood of forged kids
    /// cannot become a flood of JWKS requests. Identity sets its own <c>ConfigurationManager</c> over its local keys.
    /// Authorization's default policy is "authenticated user"; no fallback policy, so endpoints without metadata stay anonymous.
    /// </summary>
    public static IHostApplicationBuilder AddTradeNovaAuthentication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TradeNovaJwtOptions>().BindConfiguration(TradeNovaJwtOptions.SectionName);
        services.AddHttpClient(MetadataHttpClientName);
        services.AddAuthentication(TradeNovaAuthDefaults.Scheme).AddJwtBearer(TradeNovaAuthDefaults.Scheme);
        services.TryAddSingleton<ValidatedTokenCache>();
        services.AddOptions<JwtBearerOptions>(TradeNovaAuthDefaults.Scheme)
            .Configure<IOptions<TradeNovaJwtOptions>, IHttpClientFactory, ValidatedTokenCache>((options, jwt, httpClients, validated) =>
            {
                options.MapInboundClaims = false;
                // The library refuses a longer token before parsing it, and any JWE (there is no decryption key).
                foreach (var handler in options.TokenHandlers)
                    handler.MaximumTokenSizeInBytes = TradeNovaAuthDefaults.MaxTokenLength;
                options.IncludeErrorDetails = false;
                options.Events = new TradeNovaJwtBearerEvents(validated);
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidAlgorithms = [TradeNovaAuthDefaults.Algorithm],
                    ValidIssuer = jwt.Value.Issuer,
                    ValidAudience = jwt.Value.Audience,
                    RequireAudience = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidateIssuerSigningKey = true,
                    ClockSkew = jwt.Value.ClockSkew,
                    TryAllIssuerSigningKeys = false,
                    AuthenticationType = TradeNovaAuthDefaults.Scheme,
                    NameClaimType = TradeNovaClaims.Subject,
                    RoleClaimType = TradeNovaClaims.Role,
                };

                // Plain http: Identity is reached on loopback or inside the cluster network, never across the internet.
                options.RequireHttpsMetadata = false;
                options.MetadataAddress = MetadataAddress;
                options.Backchannel = httpClients.CreateClient(MetadataHttpClientName);
                options.RefreshOnIssuerKeyNotFound = true;
                options.RefreshInterval = UnknownKidRefetchInterval;
                options.AutomaticRefreshInterval = KeysRefreshInterval;
            });

        var authenticated = new AuthorizationPolicyBuilder(TradeNovaAuthDefaults.Scheme).RequireAuthenticatedUser().Build();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(authenticated)
            .AddPolicy(TradeNovaPolicies.Admin, policy => policy
                .AddAuthenticationSchemes(TradeNovaAuthDefaults.Scheme)
                .RequireAuthenticatedUser()
                .RequireRole(TradeNovaRoles.Admin));
        return builder;
    }
}
