using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using TradeNova.Identity.Audit;
using TradeNova.Identity.IntegrationEvents.EventHandling;
using TradeNova.Identity.Login;
using TradeNova.Identity.Tokens;
using TradeNova.ServiceDefaults.Auth;
using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging;

namespace TradeNova.Identity.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IdentityContext>(IdentityContext.Schema);
        builder.AddServiceMessaging<IdentityContext>(IdentityContext.Schema, bus =>
        {
            bus.AddConsumer<SubscriptionActivatedIntegrationEventHandler>();
            bus.AddConsumer<SubscriptionDeactivatedIntegrationEventHandler>();
        });

        var services = builder.Services;
        services.AddOptions<IdentityTokenOptions>().BindConfiguration("TradeNova:Identity:Tokens");
        services.AddHttpContextAccessor();
        services.AddSingleton<SigningKeyStore>();
        // JwtBearer takes Identity's keys from the store instead of fetching them from http://identity (ServiceDefaults).
        services.AddOptions<JwtBearerOptions>(TradeNovaAuthDefaults.Scheme)
            .Configure<SigningKeyStore>((options, keys) => options.ConfigurationManager = new LocalSigningKeysConfigurationManager(keys));
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddScoped<TokenService>();
        services.AddScoped<AuditLog>();
        services.AddOptions<LoginThrottleOptions>().BindConfiguration(LoginThrottleOptions.SectionName);
        services.AddScoped<LoginThrottle>();
        services.AddHostedService<LoginThrottlePurge>();
        services.AddOpenApi();
        return builder;
    }
}
