using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TradeNova.UnitTests.ServiceDefaults;

/// <summary>AddServiceDefaults + MapDefaultEndpoints on a real Kestrel bound to loopback.</summary>
public sealed class ServiceDefaultsPipelineTests : IAsyncLifetime
{
    private WebApplication? _app;
    private HttpClient? _client;

    private HttpClient Client => _client ?? throw new InvalidOperationException("Not started.");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        _app = builder.Build();
        _app.MapDefaultEndpoints();
        _app.MapGet("/boom", string () => throw new InvalidOperationException("secret internals"));
        _app.MapPost("/echo", (EchoRequest request) => TypedResults.Ok(request));
        await _app.StartAsync(Ct);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Alive_answers_without_any_dependency()
    {
        using var response = await Client.GetAsync("/alive", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Unhandled_exception_is_a_problem_with_a_stable_type_and_no_internals()
    {
        using var response = await Client.GetAsync("/boom", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await response.Content.ReadAsStringAsync(Ct);
        body.ShouldNotContain("secret internals");
        JsonDocument.Parse(body).RootElement.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/internal-error");
    }

    [Fact]
    public async Task Unknown_route_is_a_not_found_problem()
    {
        using var response = await Client.GetAsync("/no-such-route", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("type").GetString()
            .ShouldBe("https://tradenova.dev/problems/not-found");
    }

    [Fact]
    public async Task Malformed_json_is_a_bad_request_problem_not_a_server_error()
    {
        using var response = await Client.PostAsync("/echo", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("type").GetString()
            .ShouldBe("https://tradenova.dev/problems/bad-request");
    }

    public sealed record EchoRequest(string Text);
}
