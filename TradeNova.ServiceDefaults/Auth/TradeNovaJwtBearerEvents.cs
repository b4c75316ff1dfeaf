using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.ServiceDefaults.Auth;

/// <summary>
/// Where JwtBearer's defaults differ from the contract: SignalR's <c>access_token</c> query counts only on hub paths;
/// 401 and 403 carry ProblemDetails bodies. A token this process validated before is taken from
/// <see cref="ValidatedTokenCache"/> without checking its signature again.
/// </summary>
internal sealed class TradeNovaJwtBearerEvents(ValidatedTokenCache validated) : JwtBearerEvents
{
    private const string BearerPrefix = "Bearer ";

    public override Task MessageReceived(MessageReceivedContext context)
    {
        var request = context.Request;
        if (request.Headers.Authorization.Count == 0
            && request.Path.StartsWithSegments(TradeNovaAuthDefaults.HubPathPrefix, StringComparison.OrdinalIgnoreCase))
        {
            context.Token = request.Query[TradeNovaAuthDefaults.AccessTokenQueryParameter];
        }

        // The handler reads the header the same way when no token was set here.
        var token = context.Token;
        if (string.IsNullOrEmpty(token) && request.Headers.Authorization.ToString() is { } header
            && header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            token = header[BearerPrefix.Length..].Trim();
        }

        if (!string.IsNullOrEmpty(token) && validated.TryGet(token, Now(context.Options), out var principal))
        {
            context.Principal = principal;
            context.Success();
        }

        return Task.CompletedTask;
    }

    public override Task TokenValidated(TokenValidatedContext context)
    {
        if (context.SecurityToken is JsonWebToken { ValidTo: var expires } token && expires != DateTime.MinValue && context.Principal is { } principal)
        {
            validated.Add(token.EncodedToken, principal, new DateTimeOffset(expires, TimeSpan.Zero), Now(context.Options));
        }

        return Task.CompletedTask;
    }

    public override Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var invalidToken = context.AuthenticateFailure is not null;
        context.Response.Headers.WWWAuthenticate = invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer";
        return invalidToken
            ? WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized, ProblemTypes.InvalidToken,
                "Invalid access token", "The access token is malformed, expired, or not signed by TradeNova Identity.")
            : WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized, ProblemTypes.Unauthorized,
                "Authentication required", "Send an access token as 'Authorization: Bearer <token>'.");
    }

    public override Task Forbidden(ForbiddenContext context) =>
        WriteProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden, ProblemTypes.Forbidden,
            "Forbidden", "The access token is valid but does not grant this operation.");

    private static DateTimeOffset Now(JwtBearerOptions options) => options.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow;

    private static Task WriteProblemAsync(HttpContext context, int status, string type, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.HasStarted
            ? Task.CompletedTask
            : TypedResults.Problem(detail, statusCode: status, title: title, type: type).ExecuteAsync(context);
    }
}
