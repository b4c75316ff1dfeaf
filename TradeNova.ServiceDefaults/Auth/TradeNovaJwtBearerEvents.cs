using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;

namespace TradeNova.ServiceDefaults.Auth;

/// <summary>
/// Where JwtBearer's defaults differ from the contract: SignalR's <c>access_token</c> query counts only on hub paths;
/// anything but a compact JWS (three segments, e.g. a five-segment JWE) is refused before the library parses it;
/// 401 and 403 carry ProblemDetails bodies.
/// </summary>
internal sealed class TradeNovaJwtBearerEvents : JwtBearerEvents
{
    /// <summary>Far above any TradeNova access token; bounds the work done on hostile input.</summary>
    public const int MaxTokenLength = 8 * 1024;

    public override Task MessageReceived(MessageReceivedContext context)
    {
        var request = context.Request;
        string? token = null;
        if (request.Headers.Authorization.Count == 0
            && request.Path.StartsWithSegments(TradeNovaAuthDefaults.HubPathPrefix, StringComparison.OrdinalIgnoreCase))
        {
            token = request.Query[TradeNovaAuthDefaults.AccessTokenQueryParameter];
            context.Token = token;
        }
        else if (request.Headers.Authorization.ToString() is { } header
                 && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = header["Bearer ".Length..].Trim();
        }

        if (!string.IsNullOrEmpty(token) && (token.Length > MaxTokenLength || token.Count(c => c == '.') != 2))
            context.Fail("The token is not a compact JWS.");
        return Task.CompletedTask;
    }

    public override Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var invalidToken = context.AuthenticateFailure is not null;
        context.Response.Headers.WWWAuthenticate = invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer";
        return invalidToken
            ? WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized, TradeNovaAuthDefaults.InvalidTokenProblemType,
                "Invalid access token", "The access token is malformed, expired, or not signed by TradeNova Identity.")
            : WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized, TradeNovaAuthDefaults.UnauthorizedProblemType,
                "Authentication required", "Send an access token as 'Authorization: Bearer <token>'.");
    }

    public override Task Forbidden(ForbiddenContext context) =>
        WriteProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden, TradeNovaAuthDefaults.ForbiddenProblemType,
            "Forbidden", "The access token is valid but does not grant this operation.");

    private static Task WriteProblemAsync(HttpContext context, int status, string type, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.HasStarted
            ? Task.CompletedTask
            : TypedResults.Problem(detail, statusCode: status, title: title, type: type).ExecuteAsync(context);
    }
}
