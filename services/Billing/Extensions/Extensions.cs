using Microsoft.Extensions.Options;
using Stripe;
using TradeNova.Billing.Admin;
using TradeNova.Billing.Apis;
using TradeNova.Billing.IntegrationEvents.EventHandling;
using TradeNova.Billing.Local;
using TradeNova.Billing.Providers;
using TradeNova.Billing.Stripe;
using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging;

namespace TradeNova.Billing.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<BillingContext>(BillingContext.Schema);
        builder.AddServiceMessaging<BillingContext>(BillingContext.Schema, bus =>
            bus.AddConsumer<UserRegisteredIntegrationEventHandler>());

        var services = builder.Services;
        services.AddOptions<BillingOptions>().BindConfiguration(BillingOptions.Section);
        services.AddScoped<SubscriptionPublisher>();
        services.AddScoped<SubscriptionReviewer>();
        services.AddScoped<LocalRenewals>();
        services.AddScoped<SubscriptionCommands>();
        services.AddScoped<AdminCommands>();
        services.AddScoped<StripeWebhookHandler>();
        services.AddSingleton<ReviewSignal>();
        services.AddHostedService<SubscriptionClock>();

        var stripe = builder.Configuration.GetSection(BillingOptions.Section).Get<BillingOptions>()?.Stripe ?? new StripeOptions();
        if (stripe.IsConfigured)
        {
            services.AddSingleton<IStripeClient>(provider => CreateStripeClient(provider.GetRequiredService<IOptions<BillingOptions>>().Value.Stripe));
            services.AddSingleton<StripeBillingProvider>();
            services.AddSingleton<IBillingProvider>(provider => provider.GetRequiredService<StripeBillingProvider>());
        }
        else
        {
            services.AddScoped<IBillingProvider, LocalBillingProvider>();
        }

        services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapBillingApis(this WebApplication app)
    {
        app.MapSubscriptionApiV1();
        app.MapStripeWebhookApiV1();
        app.MapAdminSubscriptionsApiV1();
        return app;
    }

    /// <summary>The official client; <see cref="StripeOptions.ApiBase"/> lets tests run it against a loopback server.</summary>
    private static StripeClient CreateStripeClient(StripeOptions options) => new(
        apiKey: options.SecretKey,
        httpClient: new SystemNetHttpClient(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, maxNetworkRetries: 2),
        apiBase: string.IsNullOrWhiteSpace(options.ApiBase) ? null : options.ApiBase.TrimEnd('/'));
}
