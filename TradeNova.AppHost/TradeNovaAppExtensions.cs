using TradeNova.AppHost.Infrastructure;

namespace TradeNova.AppHost;

internal static class TradeNovaAppExtensions
{
    /// <summary>
    /// One of the platform's ASP.NET Core apps on its fixed port, in the configured environment (Production unless
    /// TradeNova:Environment says otherwise), healthy when its /health answers.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddTradeNovaApp<TProject>(
        this IDistributedApplicationBuilder builder, string name, PlatformSettings settings)
        where TProject : IProjectMetadata, new() =>
        // No launch profile: the port comes from the runner (a second checkout moves it), the environment from settings.
        builder.AddProject<TProject>(name, options => options.ExcludeLaunchProfile = true)
            .WithHttpEndpoint(port: settings.PortOf(name), name: "http")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", settings.ServiceEnvironment)
            .WithEnvironment("DOTNET_ENVIRONMENT", settings.ServiceEnvironment)
            .WithEnvironment(context =>
            {
                // Aspire turns on the host's forwarded-headers middleware, which believes X-Forwarded-For from anyone;
                // the apps decide whom to believe themselves (TradeNova:ForwardedHeaders), the gateway being the edge.
                context.EnvironmentVariables.Remove("ASPNETCORE_FORWARDEDHEADERS_ENABLED");
            })
            .WithHttpHealthCheck("/health");

    /// <summary>
    /// One TradeNova service: its own database connection (and no other), the broker, and Identity's URL (JWKS).
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddTradeNovaService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        PlatformSettings settings,
        PlatformInfrastructure infrastructure,
        IResourceBuilder<ProjectResource>? identity = null)
        where TProject : IProjectMetadata, new()
    {
        var service = builder.AddTradeNovaApp<TProject>(name, settings)
            .WithReference(infrastructure.DatabaseOf(name), PlatformInfrastructure.DatabaseName(name))
            .WithReference(infrastructure.Messaging, PlatformInfrastructure.MessagingName);

        foreach (var dependency in infrastructure.WaitFor)
        {
            service.WaitFor(dependency);
        }

        // Identity's URL only: services fetch its JWKS when the first token arrives, so they need not wait for it.
        if (identity is not null)
        {
            service.WithReference(identity);
        }

        return service;
    }
}
