using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.ServiceDefaults.Auth;

/// <summary>
/// What a subscription allows: placing orders and running backtests need <c>sub_status</c> <c>trialing</c> or
/// <c>active</c> (<c>past_due</c> inside its grace period is published by Billing as still <c>active</c>); reading
/// one's own data never needs it.
/// </summary>
public static class SubscriptionEntitlement
{
    public static readonly IReadOnlySet<string> EntitledStatuses = new HashSet<string>(StringComparer.Ordinal) { "trialing", "active" };

    public static bool HasTradingAccess(this ClaimsPrincipal principal) =>
        principal.FindFirst(TradeNovaClaims.SubscriptionStatus)?.Value is { } status && EntitledStatuses.Contains(status);

    /// <summary>403 ProblemDetails of type <see cref="ProblemTypes.SubscriptionRequired"/>, which the SPA turns into an upgrade prompt.</summary>
    public static IResult SubscriptionRequired(string? status) => TypedResults.Problem(
        detail: $"Your subscription is {(string.IsNullOrEmpty(status) ? "missing" : status)}. Subscribe to place orders and run backtests; your data stays readable.",
        statusCode: StatusCodes.Status403Forbidden,
        title: "An active subscription is required.",
        type: ProblemTypes.SubscriptionRequired);

    /// <summary>Refuses the endpoint with <see cref="SubscriptionRequired"/> unless the caller's token is entitled.</summary>
    public static TBuilder RequireActiveSubscription<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var user = context.HttpContext.User;
            return user.HasTradingAccess()
                ? await next(context)
                : SubscriptionRequired(user.FindFirst(TradeNovaClaims.SubscriptionStatus)?.Value);
        });
}
