using System.Net;
using Polly.Registry;
using TradeNova.ServiceDefaults.Http;

namespace TradeNova.UnitTests.ServiceDefaults;

public class HttpResilienceHandlerTests
{
    private static readonly HttpResilienceOptions FastOptions = new()
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        AttemptTimeout = TimeSpan.FromMilliseconds(300),
        TotalTimeout = TimeSpan.FromSeconds(5),
        MaxRetryAttempts = 3,
        BreakerMinimumThroughput = 100,
    };

    [Fact]
    public async Task Get_is_retried_through_transient_server_errors()
    {
        var server = new ScriptedHandler(HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway, HttpStatusCode.OK);
        using var client = CreateClient(server);

        using var response = await client.GetAsync("http://identity.test/.well-known/jwks.json", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Calls.ShouldBe(3);
    }

    [Fact]
    public async Task Post_without_idempotency_key_is_not_repeated()
    {
        var server = new ScriptedHandler(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        using var client = CreateClient(server);

        using var response = await client.PostAsync("http://execution.test/api/v1/orders", new StringContent("{}"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        server.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Post_with_idempotency_key_is_retried()
    {
        var server = new ScriptedHandler(HttpStatusCode.InternalServerError, HttpStatusCode.Created);
        using var client = CreateClient(server);
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://execution.test/api/v1/orders") { Content = new StringContent("{}") };
        request.Headers.Add("Idempotency-Key", "order-1");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        server.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task Client_errors_are_returned_at_once()
    {
        var server = new ScriptedHandler(HttpStatusCode.NotFound, HttpStatusCode.OK);
        using var client = CreateClient(server);

        using var response = await client.GetAsync("http://portfolio.test/api/v1/portfolio", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        server.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Hanging_attempt_times_out_and_is_retried()
    {
        var server = new ScriptedHandler(hangFirst: true, HttpStatusCode.OK);
        using var client = CreateClient(server);

        using var response = await client.GetAsync("http://risk.test/health", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Calls.ShouldBe(2);
    }

    private static HttpClient CreateClient(HttpMessageHandler server) =>
        new(new HttpResilienceHandler(new ResiliencePipelineRegistry<string>(), FastOptions) { InnerHandler = server });

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
