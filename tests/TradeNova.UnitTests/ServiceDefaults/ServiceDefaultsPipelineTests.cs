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

/// <summary>AddServiceDefaults + MapDefaultEndpoints on a real Kestrel bound to loopback, in Production as the platform runs.</summary>
public sealed class ServiceDefaultsPipelineTests : IAsyncLifetime
{
    private WebApplication? _app;
    private HttpClient? _client;

    private HttpClient Client => _client ?? throw new InvalidOperationException("Not started.");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        _app = builder.Build();
        _app.MapDefaultEndpoints();
        _app.MapGet("/boom", string () => throw new InvalidOperationException("secret internals"));
        _app.MapPost("/echo", (EchoRequest request) => TypedResults.Ok(request));
        _app.MapGet("/page", (int page) => TypedResults.Ok(page));
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

    [Theory]
    [InlineData("{not json", "The request body is not the JSON object this operation takes.")]
    [InlineData("[1, 2]", "The request body is not the JSON object this operation takes.")]
    [InlineData("{\"text\": 5, \"count\": 1}", "The field 'text' of the request body does not hold a valid value of its type.")]
    [InlineData("{\"text\": \"a\", \"count\": 1e30}", "The field 'count' of the request body does not hold a valid value of its type.")]
    [InlineData("{\"text\": \"a\\u0000b\", \"count\": 1}", "The field 'text': Contains a NUL character or an unpaired surrogate.")]
    [InlineData("", "This operation takes a JSON body, and the request had none.")]
    public async Task A_body_that_does_not_bind_is_a_bad_request_that_says_where(string body, string detail)
    {
        using var response = await Client.PostAsync("/echo", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/bad-request");
        problem.GetProperty("detail").GetString().ShouldBe(detail);
    }

    [Theory]
    [InlineData("/page?page=abc", "The parameter 'page' does not take the value \"abc\".")]
    [InlineData("/page", "The parameter 'page' is required.")]
    public async Task A_query_parameter_that_does_not_bind_is_a_bad_request_naming_it(string path, string detail)
    {
        using var response = await Client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString().ShouldBe(detail);
    }

    public sealed record EchoRequest(string Text, decimal Count = 0m);
}
