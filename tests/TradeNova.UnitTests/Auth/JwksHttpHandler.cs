using System.Net;
using System.Text;

namespace TradeNova.UnitTests.Auth;

/// <summary>Serves a JWKS document that a test can change, and counts how often it was asked.</summary>
public sealed class JwksHttpHandler : HttpMessageHandler, IHttpClientFactory
{
    private int _requests;

    public string[] KeysJson { get; set; } = [];

    public int Requests => Volatile.Read(ref _requests);

    public Uri? LastRequestUri { get; private set; }

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        LastRequestUri = request.RequestUri;
        await Task.Yield();
        var body = $"{{\"keys\":[{string.Join(',', KeysJson)}]}}";
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
