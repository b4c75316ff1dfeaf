using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.UnitTests.ServiceDefaults;

/// <summary>What every service gets from AddServiceDefaults against bad framing and unstorable text, in Production.</summary>
public sealed class RequestInputGuardTests : IAsyncLifetime
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
        _app.MapPost("/echo", (GuardEcho request) => TypedResults.Ok(request)).AllowAnonymous();
        _app.MapPost("/names", (Dictionary<string, string> names) => TypedResults.Ok(names.Count)).AllowAnonymous();
        _app.MapGet("/search", (string? q) => TypedResults.Ok(q?.Length ?? 0)).AllowAnonymous();
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

    [Theory]
    [InlineData("application/json; charset=nonsense")]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json; charset=utf-7")]
    public async Task Unknown_charset_is_415_problem_not_500(string contentType)
    {
        using var content = new ByteArrayContent("{\"message\":\"hi\"}"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await Client.PostAsync("/echo", content, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await Problem(response)).GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/unsupported-charset");
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json")]
    public async Task Known_charsets_are_read(string contentType)
    {
        var encoding = contentType.EndsWith("utf-16", StringComparison.Ordinal) ? Encoding.Unicode : Encoding.UTF8;
        using var content = new ByteArrayContent(encoding.GetBytes("{\"message\":\"hi\"}"));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await Client.PostAsync("/echo", content, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("/echo", "{\"message\":\"a\\u0000b\"}")]
    [InlineData("/names", "{\"a\\u0000\":\"x\"}")]
    [InlineData("/names", "{\"a\":\"\\u0000\"}")]
    [InlineData("/echo", "{\"message\":\"\\ud800\"}")]
    public async Task Nul_or_lone_surrogate_in_any_json_string_is_400_problem(string path, string json)
    {
        using var response = await Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Dictionaries_of_strings_still_bind()
    {
        using var response = await Client.PostAsJsonAsync("/names", new Dictionary<string, string> { ["a"] = "b" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/search?q=a%00b")]
    [InlineData("/search?q%00=x")]
    public async Task Nul_in_the_query_string_is_400_problem(string url)
    {
        using var response = await Client.GetAsync(url, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    public sealed record GuardEcho(string Message);

    private static async Task<JsonElement> Problem(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    [Fact]
    public async Task A_header_value_outside_visible_ascii_is_400_problem()
    {
        var response = await SendRawAsync("GET /search?q=x HTTP/1.1\r\nHost: x\r\nX-Note: \u00fc\u202e\r\nConnection: close\r\n\r\n");

        response.ShouldStartWith("HTTP/1.1 400");
        response.ShouldContain("application/problem+json");
    }

    [Fact]
    public void Visible_ascii_headers_pass_and_others_do_not()
    {
        RequestInputGuard.HeadersAreVisibleAscii(new HeaderDictionary { ["A"] = "Bearer abc.def-ghi_jkl~", ["B"] = "x\ty" }).ShouldBeTrue();
        RequestInputGuard.HeadersAreVisibleAscii(new HeaderDictionary { ["A"] = "caf\u00e9" }).ShouldBeFalse();
        RequestInputGuard.HeadersAreVisibleAscii(new HeaderDictionary { ["A"] = "a\u0001" }).ShouldBeFalse();
    }

    [Fact]
    public async Task A_plain_connect_is_405_problem()
    {
        var response = await SendRawAsync("CONNECT /search HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        response.ShouldStartWith("HTTP/1.1 405");
    }

    /// <summary>HttpClient refuses to send these requests, so they go as bytes on a socket.</summary>
    private async Task<string> SendRawAsync(string request)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(Client.BaseAddress!.Host, Client.BaseAddress.Port, Ct);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request), Ct);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(Ct);
    }
}
