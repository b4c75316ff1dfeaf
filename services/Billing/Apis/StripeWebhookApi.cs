using Microsoft.Extensions.Options;
using TradeNova.Billing.Stripe;

namespace TradeNova.Billing.Apis;

/// <summary><c>POST /api/v1/billing/webhooks/stripe</c>: anonymous, authenticated by Stripe's signature alone.</summary>
public static class StripeWebhookApi
{
    /// <summary>Stripe's events are a few kilobytes; anything far larger is not from Stripe.</summary>
    private const int MaxBodyChars = 512 * 1024;

    public static RouteHandlerBuilder MapStripeWebhookApiV1(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/billing/webhooks/stripe", ReceiveAsync).AllowAnonymous().WithTags("Billing");

    public static async Task<Results<Ok, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, StripeWebhookHandler handler, IOptions<BillingOptions> options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Value.Stripe.WebhookSecret))
        {
            return TradeNova.ServiceDefaults.Problems.ProblemResults.NotFound("Stripe is not configured.");
        }

        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxBodyChars + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        if (read > MaxBodyChars)
        {
            return BillingProblems.InvalidSignature("The body is too large to be a Stripe event.");
        }

        var json = new string(buffer, 0, read);
        var stripeEvent = handler.Verify(json, request.Headers["Stripe-Signature"].ToString(), out var failure);
        if (stripeEvent is null)
        {
            return BillingProblems.InvalidSignature(failure ?? "The signature could not be verified.");
        }

        try
        {
            return await handler.HandleAsync(stripeEvent, cancellationToken) == ApplyResult.Unmatched
                ? BillingProblems.Conflict("The event names no known user yet.", "Stripe retries it later.")
                : TypedResults.Ok();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another delivery changed the same subscription; a non-2xx makes Stripe deliver this one again.
            return BillingProblems.Conflict("The subscription changed meanwhile.", "Stripe retries it later.");
        }
    }
}
