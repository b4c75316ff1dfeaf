using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TradeNova.UnitTests.Auth;

/// <summary>
/// Identity's two discovery documents on a real loopback Kestrel (OpenID configuration + JWKS), serving keys a test can
/// change, and counting how often the JWKS is fetched.
/// </summary>
public sealed class FakeIdentityKeys : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _jwksRequests;

    private FakeIdentityKeys(WebApplication app) => _app = app;

    public Uri BaseAddress => new(_app.Urls.First());

    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    public string[] KeysJson { get; set; } = [];

    public static async Task<FakeIdentityKeys> StartAsync(params TestSigningKey[] keys)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeIdentityKeys(app) { KeysJson = [.. keys.Select(k => k.JwkJson())] };
        app.MapGet("/.well-known/openid-configuration", (HttpContext context) => Results.Json(new Dictionary<string, string>
        {
            ["issuer"] = TestSigningKey.Issuer,
            ["jwks_uri"] = $"{context.Request.Scheme}://{context.Request.Host}/.well-known/jwks.json",
        }));
        app.MapGet("/.well-known/jwks.json", () =>
        {
            Interlocked.Increment(ref fake._jwksRequests);
            return Results.Text($"{{\"keys\":[{string.Join(',', fake.KeysJson)}]}}", "application/json");
        });
        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
