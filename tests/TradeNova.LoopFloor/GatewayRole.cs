using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace TradeNova.LoopFloor;

/// <summary>
/// YARP in front of the roles: validates the bearer token (header, or <c>access_token</c> on the hub), forwards its
/// subject in <see cref="FloorHost.UserHeader"/> after dropping any client-sent value, and proxies HTTP and the hub's
/// WebSocket. No rate limiting, no telemetry, no SPA: the least a gateway with auth does per request.
/// </summary>
public static class GatewayRole
{
    public const string Issuer = "tradenova-floor";

    public static SymmetricSecurityKey SigningKey(IConfiguration configuration) =>
        new(Encoding.UTF8.GetBytes(configuration["Floor:SigningKey"] is { Length: >= 32 } key
            ? key
            : throw new InvalidOperationException("Floor:SigningKey (32+ characters) is not set")));

    public static WebApplication Build(string[] args)
    {
        var builder = FloorHost.CreateBuilder(args);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = Issuer,
                ValidAudience = Issuer,
                IssuerSigningKey = SigningKey(builder.Configuration),
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            jwt.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    if (context.HttpContext.Request.Path.StartsWithSegments("/hubs")
                        && context.Request.Query["access_token"] is { Count: 1 } token)
                    {
                        context.Token = token;
                    }

                    return Task.CompletedTask;
                },
            };
        });
        builder.Services.AddAuthorization();

        RouteConfig Route(string id, string path, string cluster, string policy) =>
            new() { RouteId = id, ClusterId = cluster, AuthorizationPolicy = policy, Match = new RouteMatch { Path = path } };
        ClusterConfig Cluster(string id, string address) =>
            new() { ClusterId = id, Destinations = new Dictionary<string, DestinationConfig> { ["one"] = new() { Address = address } } };
        builder.Services.AddReverseProxy()
            .LoadFromMemory(
                [
                    Route("identity", "/api/v1/identity/{**rest}", "portfolio", "anonymous"),
                    Route("orders", "/api/v1/orders/{**rest}", "execution", "default"),
                    Route("portfolio", "/api/v1/portfolio/{**rest}", "portfolio", "default"),
                    Route("hub", "/hubs/account/{**rest}", "portfolio", "default"),
                ],
                [
                    Cluster("execution", builder.Configuration["Floor:Execution"] ?? throw new InvalidOperationException("Floor:Execution is not set")),
                    Cluster("portfolio", builder.Configuration["Floor:Portfolio"] ?? throw new InvalidOperationException("Floor:Portfolio is not set")),
                ])
            .AddTransforms(transforms => transforms.AddRequestTransform(context =>
            {
                context.ProxyRequest.Headers.Remove(FloorHost.UserHeader);
                if (context.HttpContext.User.FindFirst("sub")?.Value is { } subject)
                {
                    context.ProxyRequest.Headers.Add(FloorHost.UserHeader, subject);
                }

                return ValueTask.CompletedTask;
            }));

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealth();
        app.MapReverseProxy();
        return app;
    }
}
