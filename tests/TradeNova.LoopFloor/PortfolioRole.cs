using System.Collections.Concurrent;
using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.SignalR;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace TradeNova.LoopFloor;

/// <summary>
/// Portfolio's side of the loop: applies each fill once (trade row keyed by the fill id, cash and position in the same
/// statement) and pushes <c>fillApplied</c> to the user's group on the account hub. It also stands in for Identity
/// (users in memory, tokens signed with the key the gateway checks): registration and login are set-up, not measured.
/// </summary>
public static class PortfolioRole
{
    public sealed record Credentials(string? Email, string? Password, string? DisplayName);

    private const string ApplyFill = """
        WITH trade AS (
            INSERT INTO portfolio.trades (fill_id, order_id, user_id, symbol, quantity, price, filled_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (fill_id) DO NOTHING RETURNING user_id, symbol, quantity, price),
        cash AS (
            UPDATE portfolio.portfolios p SET cash = p.cash - t.quantity * t.price, updated_at = $7
            FROM trade t WHERE p.user_id = t.user_id RETURNING p.cash)
        INSERT INTO portfolio.positions (user_id, symbol, quantity, cost)
        SELECT user_id, symbol, quantity, quantity * price FROM trade
        ON CONFLICT (user_id, symbol) DO UPDATE SET quantity = positions.quantity + excluded.quantity, cost = positions.cost + excluded.cost
        """;

    public static WebApplication Build(string[] args)
    {
        var builder = FloorHost.CreateBuilder(args);
        builder.AddDatabase();
        builder.AddBus("portfolio", bus => bus.AddConsumer<PortfolioFillConsumer>());
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<ConcurrentDictionary<string, (Guid Id, string Password)>>();
        var app = builder.Build();
        app.MapHealth();
        app.MapHub<AccountHub>("/hubs/account");
        app.MapPost("/api/v1/identity/register", RegisterAsync);
        app.MapPost("/api/v1/identity/login", Login);
        app.MapGet("/api/v1/portfolio", PortfolioAsync);
        app.MapGet("/api/v1/portfolio/trades", TradesAsync);
        return app;
    }

    private static async Task<IResult> RegisterAsync(
        Credentials credentials, ConcurrentDictionary<string, (Guid Id, string Password)> users, NpgsqlDataSource db,
        IPublishEndpoint bus, CancellationToken cancellationToken)
    {
        if (credentials.Email is not { Length: > 3 } email || credentials.Password is not { Length: >= 12 } password)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Email and a password of 12+ characters.");
        }

        var id = Guid.CreateVersion7();
        if (!users.TryAdd(email, (id, password)))
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Registered already.");
        }

        await using var insert = db.CreateCommand("INSERT INTO portfolio.portfolios (user_id, cash, updated_at) VALUES ($1, 10000, $2)");
        insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        insert.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = DateTime.UtcNow });
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await bus.Publish(new UserJoined(id, 10_000m), cancellationToken);
        return Results.Created($"/api/v1/identity/users/{id}", new { id });
    }

    private static IResult Login(Credentials credentials, ConcurrentDictionary<string, (Guid Id, string Password)> users, IConfiguration configuration)
    {
        if (credentials.Email is null || !users.TryGetValue(credentials.Email, out var user) || user.Password != credentials.Password)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong email or password.");
        }

        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = GatewayRole.Issuer,
            Audience = GatewayRole.Issuer,
            Subject = new ClaimsIdentity([new Claim("sub", user.Id.ToString())]),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(GatewayRole.SigningKey(configuration), SecurityAlgorithms.HmacSha256),
        });
        return Results.Ok(new { accessToken = token });
    }

    private static async Task<IResult> PortfolioAsync(HttpContext http, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var select = db.CreateCommand("SELECT cash FROM portfolio.portfolios WHERE user_id = $1");
        select.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = FloorHost.UserOf(http) ?? Guid.Empty });
        return await select.ExecuteScalarAsync(cancellationToken) is decimal cash ? Results.Ok(new { cash }) : Results.NotFound();
    }

    private static async Task<IResult> TradesAsync(HttpContext http, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var count = db.CreateCommand("SELECT count(*)::int FROM portfolio.trades WHERE user_id = $1");
        count.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = FloorHost.UserOf(http) ?? Guid.Empty });
        return Results.Ok(new { total = (int)(await count.ExecuteScalarAsync(cancellationToken))! });
    }

    /// <summary>Each connection joins its user's group; the user comes from the gateway's header, never from the client.</summary>
    public sealed class AccountHub : Hub
    {
        public override async Task OnConnectedAsync()
        {
            if (Context.GetHttpContext() is not { } http || FloorHost.UserOf(http) is not { } user)
            {
                Context.Abort();
                return;
            }

            await Groups.AddToGroupAsync(Context.ConnectionId, user.ToString());
        }
    }

    public sealed class PortfolioFillConsumer(NpgsqlDataSource db, IHubContext<AccountHub> hub) : IConsumer<OrderFilled>
    {
        public async Task Consume(ConsumeContext<OrderFilled> context)
        {
            var fill = context.Message;
            await using (var apply = db.CreateCommand(ApplyFill))
            {
                apply.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = fill.FillId });
                apply.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = fill.OrderId });
                apply.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = fill.UserId });
                apply.Parameters.Add(new NpgsqlParameter<string> { TypedValue = fill.Symbol });
                apply.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = fill.Quantity });
                apply.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = fill.Price });
                apply.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = fill.FilledAt });
                if (await apply.ExecuteNonQueryAsync(context.CancellationToken) == 0)
                {
                    return; // applied before: a redelivery changes nothing and pushes nothing
                }
            }

            await hub.Clients.Group(fill.UserId.ToString()).SendAsync(
                "fillApplied", new { orderId = fill.OrderId, fillId = fill.FillId, fill.Symbol, fill.Quantity, fill.Price }, context.CancellationToken);
        }
    }
}
