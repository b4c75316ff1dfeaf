using Yarp.ReverseProxy.Configuration;

namespace TradeNova.Gateway.Routing;

/// <summary>YARP routes and clusters for the services that are configured; the rest are listed in <see cref="MissingServices"/>.</summary>
public sealed class GatewayRouteTable
{
    /// <summary>YARP's name for the endpoint default policy (authenticated user, see AddTradeNovaAuthentication).</summary>
    public const string AuthenticatedPolicy = "default";

    /// <summary>YARP's name for "allow anonymous".</summary>
    public const string AnonymousPolicy = "anonymous";

    private GatewayRouteTable(IReadOnlyList<RouteConfig> routes, IReadOnlyList<ClusterConfig> clusters, IReadOnlyList<string> missing)
    {
        Routes = routes;
        Clusters = clusters;
        MissingServices = missing;
    }

    public IReadOnlyList<RouteConfig> Routes { get; }

    public IReadOnlyList<ClusterConfig> Clusters { get; }

    public IReadOnlyList<string> MissingServices { get; }

    public static GatewayRouteTable Build(IConfiguration configuration)
    {
        var clusters = new List<ClusterConfig>();
        var missing = new List<string>();
        foreach (var service in GatewayServiceNames.All)
        {
            var address = configuration[GatewayServiceNames.ConfigurationKey(service)];
            if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                clusters.Add(CreateCluster(service));
            else
                missing.Add(service);
        }

        var routes = GatewayRouteDefinitions.All
            .Where(definition => !missing.Contains(definition.Service))
            .Select(CreateRoute)
            .ToArray();
        return new GatewayRouteTable(routes, clusters, missing);
    }

    /// <summary>The destination names the service; service discovery resolves it to every configured endpoint.</summary>
    private static ClusterConfig CreateCluster(string service) => new()
    {
        ClusterId = service,
        Destinations = new Dictionary<string, DestinationConfig>
        {
            [$"{service}-0"] = new() { Address = GatewayServiceNames.DiscoveryAddress(service) },
        },
    };

    private static RouteConfig CreateRoute(GatewayRouteDefinition definition) => new()
    {
        RouteId = definition.RouteId,
        ClusterId = definition.Service,
        // Literal paths are tried before the same service's catch-all.
        Order = definition.Anonymous ? 0 : 10,
        Match = new RouteMatch { Path = definition.Path },
        AuthorizationPolicy = definition.Anonymous ? AnonymousPolicy : AuthenticatedPolicy,
    };
}
