using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TradeNova.ServiceDefaults.Auth;

namespace Microsoft.Extensions.Hosting;

public static class TradeNovaAuthenticationExtensions
{
    /// <summary>
    /// Registers the <c>Bearer</c> scheme (ES256 JWTs from TradeNova Identity) as the default scheme, and authorization whose
    /// default policy is "authenticated user" (no fallback policy, so endpoints without metadata stay anonymous).
    /// Keys come from <see cref="ISigningKeySource"/>: the JWKS reader is added with TryAdd, so a source registered before
    /// this call wins; one registered after it with <c>AddSingleton</c> also wins (the last registration is resolved).
    /// Safe to call more than once.
    /// </summary>
    public static IHostApplicationBuilder AddTradeNovaAuthentication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(TradeNovaTokenValidator)))
            return builder;

        services.AddOptions<TradeNovaJwtOptions>().Bind(builder.Configuration.GetSection(TradeNovaJwtOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(JwksSigningKeySource.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.TryAddSingleton<ISigningKeySource, JwksSigningKeySource>();
        services.AddSingleton<TradeNovaTokenValidator>();

        services.AddAuthentication(TradeNovaAuthDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, TradeNovaJwtHandler>(TradeNovaAuthDefaults.Scheme, displayName: null, _ => { });

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
