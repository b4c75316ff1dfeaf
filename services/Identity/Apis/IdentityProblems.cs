using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Identity.Apis;

/// <summary>Problems more than one Identity endpoint answers with.</summary>
internal static class IdentityProblems
{
    /// <summary>Sign-in, and anything that would issue tokens, while an administrator has suspended the account.</summary>
    public static ProblemHttpResult AccountSuspended() =>
        TypedResults.Problem(
            detail: "An administrator has suspended this account. Contact support to have it reinstated.",
            statusCode: StatusCodes.Status403Forbidden,
            title: "Account suspended",
            type: ProblemTypes.For("account-suspended"));
}
