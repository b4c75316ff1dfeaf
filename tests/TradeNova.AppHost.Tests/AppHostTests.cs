using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.AppHost.Tests;

/// <summary>
/// The AppHost as `./tradenova up` runs it (existing PostgreSQL and RabbitMQ, Production), on a fresh database with the
/// per-service roles and a fresh vhost, with ports of the orchestrator's choosing.
/// </summary>
public sealed class AppHostTests
{
    private static readonly string[] Apps = ["identity", "billing", "portfolio", "execution", "risk", "backtest", "gateway"];

    // Seven `dotnet run`s on two cores; generous, because a loaded machine is slow, not broken.
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(7);

    [Fact]
    public async Task Every_app_becomes_healthy_and_a_user_registers_and_logs_in_through_the_gateway()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var infrastructure = await TestInfrastructure.CreateAsync(TestInfrastructure.Services, cancellation);
        // Each app's console output and every resource's state, as `./tradenova up` keeps them, for when this fails.
        var runDirectory = Path.Combine(TestSettings.Current.OutputDirectory, $"apphost-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}");
        string[] arguments =
        [
            "--TradeNova:Infrastructure=Existing",
            "--TradeNova:Environment=Production",
            $"--TradeNova:RunDirectory={runDirectory}",
            .. TestInfrastructure.Services.Select(service =>
                $"--ConnectionStrings:{service}db={infrastructure.Database.ConnectionStringFor(service)}"),
            $"--ConnectionStrings:messaging={infrastructure.Vhost.AmqpUri}",
        ];

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.TradeNova_AppHost>(arguments, cancellation);
        await using var app = await builder.BuildAsync(cancellation);
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        startup.CancelAfter(StartupTimeout);
        await app.StartAsync(startup.Token);
        foreach (var name in Apps)
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(name, startup.Token);
        }

        using var gateway = app.CreateHttpClient("gateway");
        gateway.BaseAddress!.Port.ShouldNotBe(5100, "tests must not take the fixed ports of a running `./tradenova up`");

        var email = $"aspire-{Guid.NewGuid():N}@example.com";
        var password = $"Aspire-{Guid.NewGuid():N}!";
        using var registered = await gateway.PostAsJsonAsync(
            "/api/v1/identity/register", new { email, password, displayName = "Aspire Test" }, cancellation);
        registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync(cancellation));

        using var login = await gateway.PostAsJsonAsync("/api/v1/identity/login", new { email, password }, cancellation);
        login.StatusCode.ShouldBe(HttpStatusCode.OK, await login.Content.ReadAsStringAsync(cancellation));
        var tokens = await login.Content.ReadFromJsonAsync<TokenResponse>(cancellation);
        tokens.ShouldNotBeNull().AccessToken.ShouldNotBeNullOrWhiteSpace();

        // Portfolio opens the account when it consumes UserRegistered from Identity's outbox, through the broker.
        gateway.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken);
        var portfolio = await Poll.UntilAsync(
            async () => await gateway.GetAsync("/api/v1/portfolio", cancellation),
            response => response.StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60),
            "the new user's portfolio");
        var view = await portfolio.Content.ReadFromJsonAsync<PortfolioResponse>(cancellation);
        view.ShouldNotBeNull().Cash.ShouldBe(10_000m);
    }

    private sealed record TokenResponse(string AccessToken);

    private sealed record PortfolioResponse(decimal Cash);
}
