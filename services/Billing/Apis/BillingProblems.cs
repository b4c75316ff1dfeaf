using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Billing.Apis;

public static class BillingProblems
{
    public static ProblemHttpResult NoSubscription() => ProblemResults.NotFound("No subscription yet.", "Billing has not set up this user yet; try again in a moment.");

    public static ProblemHttpResult Conflict(string title, string? detail = null) => ProblemResults.Conflict("billing-conflict", title, detail);

    public static ProblemHttpResult ProviderFailed(string detail) => TypedResults.Problem(
        detail, statusCode: StatusCodes.Status502BadGateway, title: "The payment provider did not accept the request.", type: ProblemTypes.For("payment-provider"));

    public static ProblemHttpResult InvalidSignature(string detail) => TypedResults.Problem(
        detail, statusCode: StatusCodes.Status400BadRequest, title: "The webhook signature is not valid.", type: ProblemTypes.For("invalid-webhook-signature"));
}
