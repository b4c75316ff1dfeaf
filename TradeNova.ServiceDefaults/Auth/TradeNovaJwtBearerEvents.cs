using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.ServiceDefaults.Auth;

/// <summary>
/// Where JwtBearer's defaults differ from the contract: SignalR's <c>access_token</c> query counts only on hub paths;
/// 401 and 403 carry ProblemDetails bodies.
/// </summary>
internal sealed class TradeNovaJwtBearerEvents : JwtBearerEvents
{
    public override Task MessageReceived(MessageReceivedContext context)
    {
        var request = context.Request;
        if (request.Headers.Authorization.Count == 0
            && request.Path.StartsWithSegments(TradeNovaAuthDefaults.HubPathPrefix, StringComparison.OrdinalIgnoreCase))
        {
            context.Token = request.Query[TradeNovaAuthDefaults.AccessTokenQueryParameter];
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

    private static Task WriteProblemAsync(HttpContext context, int status, string type, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.HasStarted
            ? Task.CompletedTask
            : TypedResults.Problem(detail, statusCode: status, title: title, type: type).ExecuteAsync(context);
    }
}
