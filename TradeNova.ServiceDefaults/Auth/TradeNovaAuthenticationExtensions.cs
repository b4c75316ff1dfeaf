using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TradeNova.ServiceDefaults.Auth;

namespace Microsoft.Extensions.Hosting;

public static class TradeNovaAuthenticationExtensions
{
    /// <summary>
    /// JwtBearer as the default scheme <c>Bearer</c> (ES256 tokens from TradeNova Identity, keys from its OpenID
    /// configuration, see <see cref="ConfigureTradeNovaJwtBearer"/>), and authorization whose default policy is
    /// "authenticated user" (no fallback policy, so endpoints without metadata stay anonymous). Safe to call more than once.
    /// </summary>
    public static IHostApplicationBuilder AddTradeNovaAuthentication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(d => d.ImplementationType == typeof(ConfigureTradeNovaJwtBearer)))
            return builder;

        services.AddOptions<TradeNovaJwtOptions>().BindConfiguration(TradeNovaJwtOptions.SectionName);
        services.AddHttpClient(ConfigureTradeNovaJwtBearer.HttpClientName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<JwtBearerOptions>, ConfigureTradeNovaJwtBearer>());
        services.AddAuthentication(TradeNovaAuthDefaults.Scheme).AddJwtBearer(TradeNovaAuthDefaults.Scheme);

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
