using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ from <c>ConnectionStrings:messaging</c>, queues named
    /// <c>{serviceName}-{consumer}</c>, a readiness check, and the outbox (<see cref="IOutbox"/> and its relay)
    /// on <typeparamref name="TContext"/>. Call after <c>AddServiceDatabase&lt;TContext&gt;</c>.
    /// </summary>
    public static IHostApplicationBuilder AddServiceMessaging<TContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? configure = null)
        where TContext : DbContext
    {
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration("TradeNova:Outbox");
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<OutboxHandoff>();
        builder.Services.AddScoped<IOutbox, EfOutbox<TContext>>();
        builder.Services.AddScoped<OutboxProcessor<TContext>>();

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            // MassTransit reports usage to its vendor over the internet by default; servers here talk to loopback only.
            bus.DisableUsageTelemetry();
            bus.ConfigureHealthCheckOptions(health => health.Name = "messaging");
            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
                endpoint.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500))));
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var connectionString = context.GetRequiredService<IConfiguration>().GetConnectionString("messaging");
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("ConnectionStrings:messaging is not configured.");
                }

                // amqp[s]://user:pass@host:port/vhost: MassTransit reads credentials, vhost and TLS from the URI itself.
                rabbit.Host(new Uri(connectionString), _ => { });
                rabbit.ConfigureEndpoints(context);
            });
        });

        builder.Services.AddHostedService<OutboxDispatcher<TContext>>();
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        return builder;
    }
}
