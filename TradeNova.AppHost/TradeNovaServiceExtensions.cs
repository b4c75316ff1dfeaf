using Aspire.Hosting.ApplicationModel;

namespace TradeNova.AppHost;

internal static class TradeNovaServiceExtensions
{
    /// <summary>
    /// Adds one TradeNova service: its own connection string `&lt;name&gt;db` that logs in as role `tn_&lt;name&gt;`
    /// (owner of schema `&lt;name&gt;` only), the broker, and Identity's URL for JWKS.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddTradeNovaService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<PostgresServerResource> postgres,
        IResourceBuilder<RabbitMQServerResource> messaging,
        IResourceBuilder<ProjectResource>? identity = null)
        where TProject : IProjectMetadata, new()
    {
        var password = builder.AddParameter($"{name}-db-password", secret: true);

        // The init script (postgres-init/10-roles.sh) reads these to create the role with this password.
        postgres.WithEnvironment($"TN_{name.ToUpperInvariant()}_PASSWORD", password);

        var endpoint = postgres.Resource.PrimaryEndpoint;
        var database = builder.AddConnectionString(
            $"{name}db",
            ReferenceExpression.Create(
                $"Host={endpoint.Property(EndpointProperty.Host)};Port={endpoint.Property(EndpointProperty.Port)};Username=tn_{name};Password={password};Database=tradenova"));

        var service = builder.AddProject<TProject>(name)
            .WithReference(database)
            .WaitFor(postgres)
            .WithReference(messaging)
            .WaitFor(messaging)
            .WithHttpHealthCheck("/health");

        if (identity is not null)
        {
            service.WithReference(identity).WaitFor(identity);
        }

        return service;
    }
}
