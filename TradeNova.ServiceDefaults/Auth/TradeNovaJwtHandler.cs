using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TradeNova.ServiceDefaults.Auth;

/// <summary>
/// The <c>Bearer</c> scheme (Microsoft.AspNetCore.Authentication.JwtBearer cannot be restored here).
/// No token = no result, so anonymous endpoints stay open; a bad token fails, and a challenge answers 401 with
/// <c>WWW-Authenticate: Bearer error="invalid_token"</c> and a ProblemDetails body.
/// </summary>
public sealed partial class TradeNovaJwtHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    TradeNovaTokenValidator validator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerTokenReader.Read(Request);
        if (token is null)
            return AuthenticateResult.NoResult();

        var outcome = await validator.ValidateAsync(token, Context.RequestAborted);
        if (!outcome.Succeeded)
        {
            LogRejected(Logger, Request.Path, outcome.FailureReason);
            return AuthenticateResult.Fail(outcome.FailureReason);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(outcome.Principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var authResult = await HandleAuthenticateOnceSafeAsync();
        var invalidToken = authResult.Failure is not null;

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer";
        if (Response.HasStarted)
            return;

        var problem = invalidToken
            ? TypedResults.Problem(
                title: "Invalid access token",
                detail: "The access token is malformed, expired, or not signed by TradeNova Identity.",
                statusCode: StatusCodes.Status401Unauthorized,
                type: TradeNovaAuthDefaults.InvalidTokenProblemType)
            : TypedResults.Problem(
                title: "Authentication required",
                detail: "Send an access token as 'Authorization: Bearer <token>'.",
                statusCode: StatusCodes.Status401Unauthorized,
                type: TradeNovaAuthDefaults.UnauthorizedProblemType);
        await problem.ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        if (Response.HasStarted)
            return;

        await TypedResults.Problem(
            title: "Forbidden",
            detail: "The access token is valid but does not grant this operation.",
            statusCode: StatusCodes.Status403Forbidden,
            type: TradeNovaAuthDefaults.ForbiddenProblemType).ExecuteAsync(Context);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected bearer token on {Path}: {Reason}")]
    private static partial void LogRejected(ILogger logger, PathString path, string reason);
}
