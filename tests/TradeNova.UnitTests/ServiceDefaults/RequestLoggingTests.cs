using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradeNova.UnitTests.Gateway;

namespace TradeNova.UnitTests.ServiceDefaults;

/// <summary>SignalR clients put the bearer token in the query string; a service must never write it to its logs.</summary>
public sealed class RequestLoggingTests
{
    private const string Secret = "SECRET-0f3c9a7e5b1d4c2a";

    [Fact]
    public async Task Access_token_in_a_hub_query_string_never_reaches_service_logs_even_at_trace_level()
    {
        var ct = TestContext.Current.CancellationToken;
        using var logs = new CapturingLoggerProvider();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        // As verbose as an operator chasing a problem could make it, for every provider and for this one by name.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
            [$"Logging:{typeof(CapturingLoggerProvider).FullName}:LogLevel:Default"] = "Trace",
        });
        builder.AddServiceDefaults();
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGet("/hubs/open/negotiate", () => "anonymous");
        app.MapGet("/hubs/account/negotiate", () => "authenticated").RequireAuthorization();
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        foreach (var path in new[] { "/hubs/open/negotiate", "/hubs/account/negotiate", "/hubs/missing" })
        {
            (await client.GetAsync($"{path}?negotiateVersion=1&access_token={Secret}", ct)).Dispose();
            (await client.PostAsync($"{path}?access_token={Secret}", content: null, ct)).Dispose();
        }

        await app.StopAsync(ct);
        logs.Lines.ShouldContain(line => line.Contains("/hubs/account/negotiate", StringComparison.Ordinal), "requests were logged at all");
        logs.Lines.Where(line => line.Contains(Secret, StringComparison.Ordinal)).ShouldBeEmpty();
    }
}
