using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace TradeNova.UnitTests.ServiceDefaults;

/// <summary>A service sees the caller's address that the gateway forwards, but only from a trusted proxy.</summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task Address_forwarded_by_a_loopback_proxy_becomes_the_remote_address()
    {
        await using var app = await StartAsync(knownNetworks: null);

        var seen = await RemoteAddressSeenAsync(app, forwardedFor: "203.0.113.7");

        seen.ShouldBe("203.0.113.7");
    }

    [Fact]
    public async Task Forwarded_header_from_a_peer_outside_the_trusted_networks_is_ignored()
    {
        var options = ConfiguredOptions("10.42.0.0/16");
        var middleware = new ForwardedHeadersMiddleware(_ => Task.CompletedTask, NullLoggerFactory.Instance, Options.Create(options));
        var trusted = Request(from: "10.42.3.4", forwardedFor: "203.0.113.7");
        var untrusted = Request(from: "198.51.100.9", forwardedFor: "203.0.113.7");

        await middleware.Invoke(trusted);
        await middleware.Invoke(untrusted);

        trusted.Connection.RemoteIpAddress.ShouldBe(IPAddress.Parse("203.0.113.7"));
        untrusted.Connection.RemoteIpAddress.ShouldBe(IPAddress.Parse("198.51.100.9"));
    }

    [Fact]
    public async Task Edge_that_trusts_no_proxy_ignores_every_forwarded_header()
    {
        var options = ConfiguredOptions(knownNetworks: "", trustLoopback: false);
        var middleware = new ForwardedHeadersMiddleware(_ => Task.CompletedTask, NullLoggerFactory.Instance, Options.Create(options));
        var local = Request(from: "127.0.0.1", forwardedFor: "203.0.113.7");

        await middleware.Invoke(local);

        local.Connection.RemoteIpAddress.ShouldBe(IPAddress.Loopback);
    }

    private static DefaultHttpContext Request(string from, string forwardedFor)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(from);
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        return context;
    }

    private static ForwardedHeadersOptions ConfiguredOptions(string knownNetworks, bool trustLoopback = true)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TradeNova:ForwardedHeaders:KnownNetworks"] = knownNetworks,
            ["TradeNova:ForwardedHeaders:TrustLoopback"] = trustLoopback ? "true" : "false",
        });
        builder.AddServiceDefaults();
        using var provider = builder.Services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
    }

    [Fact]
    public void Configured_networks_are_trusted_besides_loopback()
    {
        var options = ConfiguredOptions("10.42.0.0/16, fd00::/8");

        options.KnownIPNetworks.Select(n => n.ToString())
            .ShouldBe(["127.0.0.0/8", "10.42.0.0/16", "fd00::/8"], ignoreOrder: true);
        options.KnownProxies.ShouldBe([IPAddress.IPv6Loopback]);
    }

    private static async Task<WebApplication> StartAsync(string? knownNetworks)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        if (knownNetworks is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["TradeNova:ForwardedHeaders:KnownNetworks"] = knownNetworks,
            });
        }

        builder.AddServiceDefaults();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGet("/whoami", (HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "");
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    private static async Task<string> RemoteAddressSeenAsync(WebApplication app, string? forwardedFor)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/whoami");
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Replace("::ffff:", "", StringComparison.Ordinal);
    }
}
