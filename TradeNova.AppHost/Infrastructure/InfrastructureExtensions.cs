using Microsoft.Extensions.Configuration;

namespace TradeNova.AppHost.Infrastructure;

internal static class InfrastructureExtensions
{
    public static PlatformInfrastructure AddTradeNovaInfrastructure(this IDistributedApplicationBuilder builder, PlatformSettings settings) =>
        settings.Infrastructure == InfrastructureMode.Containers ? builder.AddContainers() : builder.AddExisting();

    /// <summary>
    /// PostgreSQL and RabbitMQ as containers. The init script (postgres-init/10-roles.sh) creates database
    /// <c>tradenova</c> and one role per service owning only its schema, with the passwords generated here.
    /// </summary>
    private static PlatformInfrastructure AddContainers(this IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres", password: GeneratedSecret(builder, "postgres-password"))
            .WithDataVolume()
            .WithLifetime(ContainerLifetime.Persistent)
            .WithInitFiles("./postgres-init");

        var endpoint = postgres.Resource.PrimaryEndpoint;
        var databases = new Dictionary<string, IResourceBuilder<IResourceWithConnectionString>>();
        foreach (var service in PlatformSettings.Services)
        {
            var password = GeneratedSecret(builder, $"{service}-db-password");
            postgres.WithEnvironment($"TN_{service.ToUpperInvariant()}_PASSWORD", password);
            databases[service] = builder.AddConnectionString(
                PlatformInfrastructure.DatabaseName(service),
                ReferenceExpression.Create(
                    $"Host={endpoint.Property(EndpointProperty.Host)};Port={endpoint.Property(EndpointProperty.Port)};Database=tradenova;Username=tn_{service};Password={password}"));
        }

        var messaging = builder.AddRabbitMQ(PlatformInfrastructure.MessagingName, password: GeneratedSecret(builder, "rabbitmq-password"))
            .WithManagementPlugin()
            .WithDataVolume()
            .WithLifetime(ContainerLifetime.Persistent);

        return new PlatformInfrastructure(databases, messaging, [postgres, messaging]);
    }

    /// <summary>
    /// PostgreSQL and RabbitMQ that already run (on these machines, the runner's OS packages, provisioned with the same
    /// roles and schemas). Each connection string names one service's role and reaches only that service.
    /// </summary>
    private static PlatformInfrastructure AddExisting(this IDistributedApplicationBuilder builder)
    {
        var names = PlatformSettings.Services.Select(PlatformInfrastructure.DatabaseName).Append(PlatformInfrastructure.MessagingName).ToList();
        var missing = names.Where(name => string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name))).ToList();
        if (missing.Count > 0)
        {
            // Without this check the orchestrator silently never launches a service whose connection string is absent.
            throw new InvalidOperationException(
                $"No container runtime is in use, so the AppHost needs the existing infrastructure's connection strings; missing: " +
                $"{string.Join(", ", missing.Select(name => "ConnectionStrings:" + name))}. `./tradenova up` provides them " +
                "(TradeNova:ConfigFile); set TradeNova:Infrastructure=Containers to run PostgreSQL and RabbitMQ as containers.");
        }

        var databases = PlatformSettings.Services.ToDictionary(
            service => service,
            service => builder.AddConnectionString(PlatformInfrastructure.DatabaseName(service)));
        return new PlatformInfrastructure(databases, builder.AddConnectionString(PlatformInfrastructure.MessagingName), []);
    }

    private static IResourceBuilder<ParameterResource> GeneratedSecret(IDistributedApplicationBuilder builder, string name) =>
        builder.AddParameter(name, new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);
}
