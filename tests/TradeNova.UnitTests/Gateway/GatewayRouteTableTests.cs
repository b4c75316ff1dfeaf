using Microsoft.Extensions.Configuration;
using TradeNova.Gateway.Routing;

namespace TradeNova.UnitTests.Gateway;

public sealed class GatewayRouteTableTests
{
    private static GatewayRouteTable Build(params string[] services) =>
        GatewayRouteTable.Build(new ConfigurationBuilder()
            .AddInMemoryCollection(services.Select((name, i) =>
                new KeyValuePair<string, string?>($"services:{name}:http:0", $"http://127.0.0.1:{5101 + i}")))
            .Build());

    [Fact]
    public void Every_contract_route_exists_when_all_six_services_are_configured()
    {
        var table = Build([.. GatewayServiceNames.All]);

        table.MissingServices.ShouldBeEmpty();
        table.Clusters.Select(c => c.ClusterId).ShouldBe(GatewayServiceNames.All, ignoreOrder: true);
        table.Routes.Select(r => (r.Match.Path, r.ClusterId)).ShouldBe(
        [
            ("/api/v1/identity/register", "identity"),
            ("/api/v1/identity/login", "identity"),
            ("/api/v1/identity/refresh", "identity"),
            ("/api/v1/identity/logout", "identity"),
            ("/api/v1/identity/password/reset", "identity"),
            ("/api/v1/identity/.well-known/jwks.json", "identity"),
            ("/api/v1/identity/{**rest}", "identity"),
            ("/api/v1/portfolio/{**rest}", "portfolio"),
            ("/hubs/account/{**rest}", "portfolio"),
            ("/api/v1/orders/{**rest}", "execution"),
            ("/api/v1/execution/{**rest}", "execution"),
            ("/api/v1/market/{**rest}", "execution"),
            ("/api/v1/broker/{**rest}", "execution"),
            ("/api/v1/strategies/{**rest}", "execution"),
            ("/api/v1/billing/webhooks/stripe", "billing"),
            ("/api/v1/billing/{**rest}", "billing"),
            ("/api/v1/risk/{**rest}", "risk"),
            ("/api/v1/backtest/{**rest}", "backtest"),
            ("/api/v1/backtests/{**rest}", "backtest"),
        ], ignoreOrder: true);
    }

    [Fact]
    public void Only_register_login_refresh_logout_password_reset_jwks_and_the_stripe_webhook_are_anonymous()
    {
        var table = Build([.. GatewayServiceNames.All]);

        table.Routes.Where(r => r.AuthorizationPolicy == GatewayRouteTable.AnonymousPolicy).Select(r => r.Match.Path).ShouldBe(
        [
            "/api/v1/identity/register", "/api/v1/identity/login", "/api/v1/identity/refresh", "/api/v1/identity/logout",
            "/api/v1/identity/password/reset", "/api/v1/identity/.well-known/jwks.json", "/api/v1/billing/webhooks/stripe",
        ], ignoreOrder: true);
        table.Routes.Where(r => r.AuthorizationPolicy != GatewayRouteTable.AnonymousPolicy)
            .ShouldAllBe(r => r.AuthorizationPolicy == GatewayRouteTable.AuthenticatedPolicy);
    }

    [Fact]
    public void Anonymous_literal_routes_are_ordered_before_the_identity_catch_all()
    {
        var routes = Build(GatewayServiceNames.Identity).Routes;

        routes.Where(r => r.AuthorizationPolicy == GatewayRouteTable.AnonymousPolicy)
            .ShouldAllBe(r => r.Order < routes.Single(c => c.RouteId == "identity").Order);
    }

    [Fact]
    public void Paths_are_never_rewritten()
    {
        Build([.. GatewayServiceNames.All]).Routes.ShouldAllBe(r => r.Transforms == null);
    }

    [Fact]
    public void Destination_names_the_service_for_service_discovery_to_resolve()
    {
        var cluster = Build(GatewayServiceNames.Identity).Clusters.Single();

        // Resolved from services:identity:http:0 at request time (GatewayProxyTests prove requests arrive).
        cluster.Destinations!.Values.Single().Address.ShouldBe("http://identity");
    }

    [Fact]
    public void Unconfigured_or_invalid_service_has_no_route_and_is_reported()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["services:identity:http:0"] = "http://127.0.0.1:5101",
            ["services:billing:http:0"] = "not a url",
        }).Build();

        var table = GatewayRouteTable.Build(configuration);

        table.MissingServices.ShouldBe(["billing", "portfolio", "execution", "risk", "backtest"]);
        table.Routes.ShouldAllBe(r => r.ClusterId == "identity");
        table.Clusters.Select(c => c.ClusterId).ShouldBe(["identity"]);
    }
}
