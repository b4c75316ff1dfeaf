using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;

namespace TradeNova.UnitTests.ServiceDefaults;

/// <summary>Every HttpClient from the factory runs through the standard resilience handler as AddServiceDefaults sets it up.</summary>
public sealed class HttpResilienceTests
{
    private const string ClientName = "resilience-test";

    [Fact]
    public async Task Get_is_retried_through_transient_server_errors()
    {
        var server = new ScriptedHandler(HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway, HttpStatusCode.OK);
        using var client = CreateClient(server, out var host);
        using var _ = host;

        using var response = await client.GetAsync("http://127.0.0.1:9/.well-known/jwks.json", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Calls.ShouldBe(3);
    }

    [Fact]
    public async Task Post_without_idempotency_key_is_not_repeated()
    {
        var server = new ScriptedHandler(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        using var client = CreateClient(server, out var host);
        using var _ = host;

        using var response = await client.PostAsync("http://127.0.0.1:9/api/v1/orders", new StringContent("{}"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        server.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Post_with_idempotency_key_is_retried()
    {
        var server = new ScriptedHandler(HttpStatusCode.InternalServerError, HttpStatusCode.Created);
        using var client = CreateClient(server, out var host);
        using var _ = host;
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:9/api/v1/orders") { Content = new StringContent("{}") };
        request.Headers.Add("Idempotency-Key", "order-1");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        server.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task Client_errors_are_returned_at_once()
    {
        var server = new ScriptedHandler(HttpStatusCode.NotFound, HttpStatusCode.OK);
        using var client = CreateClient(server, out var host);
        using var _ = host;

        using var response = await client.GetAsync("http://127.0.0.1:9/api/v1/portfolio", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        server.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Hanging_attempt_times_out_and_is_retried()
    {
        var server = new ScriptedHandler(hangFirst: true, HttpStatusCode.OK);
        using var client = CreateClient(server, out var host);
        using var _ = host;

        using var response = await client.GetAsync("http://127.0.0.1:9/health", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Calls.ShouldBe(2);
    }

    /// <summary>A host with AddServiceDefaults; the named client's transport is the script, delays shortened.</summary>
    private static HttpClient CreateClient(HttpMessageHandler server, out IHost host)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddServiceDefaults();
        builder.Services.AddHttpClient(ClientName).ConfigurePrimaryHttpMessageHandler(() => server);
        builder.Services.Configure<HttpStandardResilienceOptions>($"{ClientName}-standard", options =>
        {
            options.Retry.Delay = TimeSpan.FromMilliseconds(1);
            options.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(300);
        });
        host = builder.Build();
        return host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
    }

    /// <summary>Answers each call with the next scripted status; optionally never answers the first call.</summary>
    private sealed class ScriptedHandler(bool hangFirst, params HttpStatusCode[] statuses) : HttpMessageHandler
    {
        private int _calls;

        public ScriptedHandler(params HttpStatusCode[] statuses)
            : this(false, statuses)
        {
        }

        public int Calls => _calls;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _calls);
            if (hangFirst && call == 1)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }

            var index = Math.Min(call - 1 - (hangFirst ? 1 : 0), statuses.Length - 1);
            return new HttpResponseMessage(statuses[Math.Max(index, 0)]);
        }
    }
}
