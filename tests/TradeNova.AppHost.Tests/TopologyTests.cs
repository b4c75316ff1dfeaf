using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace TradeNova.AppHost.Tests;

/// <summary>
/// The AppHost's model, built but not started: what each app is given. No process runs, so these are quick.
/// </summary>
public sealed class TopologyTests
{
    private static readonly string[] Services = ["identity", "billing", "portfolio", "execution", "risk", "backtest"];

    private static string[] ExistingInfrastructure(IEnumerable<string> services) =>
    [
        "--TradeNova:Infrastructure=Existing",
        "--TradeNova:GatewayPort=6100",
        .. services.Select(service => $"--ConnectionStrings:{service}db=Host=127.0.0.1;Database=tradenova;Username=tn_{service};Password=secret-of-{service}"),
        "--ConnectionStrings:messaging=amqp://user:pass@127.0.0.1:5672/tradenova",
    ];

    [Fact]
    public async Task Each_service_gets_only_its_own_database_role_the_broker_and_Identity_and_runs_in_Production()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.TradeNova_AppHost>(ExistingInfrastructure(Services), cancellation);
        await using var app = await builder.BuildAsync(cancellation);
        var projects = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>().ToList();

        projects.Select(project => project.Name).Order().ShouldBe([.. Services.Append("gateway").Order()]);
        foreach (var (service, index) in Services.Select((service, index) => (service, index)))
        {
            var project = projects.Single(resource => resource.Name == service);
            var environment = await EnvironmentOf(app, project);

            environment.Keys.Where(key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal))
                .ShouldBe([$"ConnectionStrings__{service}db", "ConnectionStrings__messaging"], ignoreOrder: true);
            // Backtest also reads Alpaca bars through Execution (the only holder of broker keys).
            environment.Keys.Where(key => key.StartsWith("services__", StringComparison.Ordinal))
                .ShouldBe(service switch
                {
                    "identity" => [],
                    "backtest" => ["services__identity__http__0", "services__execution__http__0"],
                    _ => ["services__identity__http__0"],
                }, ignoreOrder: true);
            environment["ASPNETCORE_ENVIRONMENT"].ShouldBe("Production");
            environment.ShouldNotContainKey("ASPNETCORE_FORWARDEDHEADERS_ENABLED");
            HttpPort(project).ShouldBe(6101 + index);
        }
    }

    [Fact]
    public async Task Gateway_gets_every_service_url_and_the_built_spa_but_no_database()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.TradeNova_AppHost>(ExistingInfrastructure(Services), cancellation);
        await using var app = await builder.BuildAsync(cancellation);
        var gateway = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>().Single(resource => resource.Name == "gateway");
        var environment = await EnvironmentOf(app, gateway);

        environment.Keys.Where(key => key.StartsWith("services__", StringComparison.Ordinal)).Order()
            .ShouldBe([.. Services.Select(service => $"services__{service}__http__0").Order()]);
        environment.Keys.ShouldNotContain(key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
        environment["TradeNova__Gateway__SpaRoot"].ShouldBeOfType<string>().ShouldEndWith(Path.Combine("web", "dist"));
        environment["ASPNETCORE_ENVIRONMENT"].ShouldBe("Production");
        HttpPort(gateway).ShouldBe(6100);
    }

    [Fact]
    public async Task Without_containers_a_missing_connection_string_stops_the_AppHost_naming_it()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var failure = await Should.ThrowAsync<Exception>(async () =>
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.TradeNova_AppHost>(
                ExistingInfrastructure(Services.Where(service => service != "risk")), cancellation);
            await using var app = await builder.BuildAsync(cancellation);
        });

        Unwrap(failure).Message.ShouldContain("ConnectionStrings:riskdb");
    }

    /// <summary>The variables the AppHost's callbacks set for a resource, unevaluated (values are strings or references).</summary>
    private static async Task<Dictionary<string, object>> EnvironmentOf(DistributedApplication app, ProjectResource project)
    {
        var variables = new Dictionary<string, object>(StringComparer.Ordinal);
        var context = new EnvironmentCallbackContext(app.Services.GetRequiredService<DistributedApplicationExecutionContext>(), project, variables);
        foreach (var callback in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return variables;
    }

    private static int? HttpPort(ProjectResource project) =>
        project.Annotations.OfType<EndpointAnnotation>().Single(endpoint => endpoint.Name == "http").Port;

    private static Exception Unwrap(Exception error) =>
        error is AggregateException or System.Reflection.TargetInvocationException && error.InnerException is not null
            ? Unwrap(error.InnerException!)
            : error;
}
