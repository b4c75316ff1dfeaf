using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;

namespace TradeNova.ServiceDefaults.Auth;

/// <summary>The result of validating one access token: a principal, or a short reason safe to log (never the token).</summary>
public sealed record TokenValidationOutcome(ClaimsPrincipal? Principal, string? FailureReason)
{
    [MemberNotNullWhen(true, nameof(Principal))]
    [MemberNotNullWhen(false, nameof(FailureReason))]
    public bool Succeeded => Principal is not null;

    public static TokenValidationOutcome Success(ClaimsPrincipal principal) => new(principal, null);

    public static TokenValidationOutcome Failure(string reason) => new(null, reason);
}
