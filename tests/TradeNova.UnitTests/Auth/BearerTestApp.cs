using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using TradeNova.ServiceDefaults.Auth;

namespace TradeNova.UnitTests.Auth;

/// <summary>A test server with <c>AddTradeNovaAuthentication</c> and a few endpoints; keys from a static local ConfigurationManager, as Identity does.</summary>
public sealed class BearerTestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BearerTestApp(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<BearerTestApp> StartAsync(SecurityKey key, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddTradeNovaAuthentication();
        // As Identity does with its local keys: a ConfigurationManager of its own instead of the JWKS over HTTP.
        var configuration = new OpenIdConnectConfiguration();
        configuration.SigningKeys.Add(key);
        builder.Services.Configure<JwtBearerOptions>(TradeNovaAuthDefaults.Scheme, options =>
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration));

        var app = builder.Build();
        app.MapGet("/open", () => TypedResults.Ok("anyone"));
        app.MapGet("/me", (HttpContext ctx) => TypedResults.Ok(ctx.User.GetUserId())).RequireAuthorization();
        app.MapGet("/admin", () => TypedResults.Ok("ops")).RequireAuthorization(TradeNovaPolicies.Admin);
        app.MapGet("/hubs/account/negotiate", (HttpContext ctx) => TypedResults.Ok(ctx.User.GetUserId())).RequireAuthorization();
        app.MapGet("/api/echo", (HttpContext ctx) => TypedResults.Ok(ctx.User.Identity?.IsAuthenticated ?? false)).RequireAuthorization();
        app.MapGet("/claims", (HttpContext ctx) => TypedResults.Ok(new ClaimsView(
            ctx.User.Claims.ToDictionary(c => c.Type, c => c.Value),
            ctx.User.IsInRole(TradeNovaRoles.Admin),
            ctx.User.Identity?.Name,
            ctx.User.Identity?.AuthenticationType))).RequireAuthorization();
        await app.StartAsync();
        return new BearerTestApp(app);
    }

    public Task<HttpResponseMessage> SendAsync(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }

    public sealed record ClaimsView(Dictionary<string, string> Claims, bool IsAdmin, string? Name, string? AuthenticationType);
}
