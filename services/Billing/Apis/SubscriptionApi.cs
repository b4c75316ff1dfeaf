using Microsoft.Extensions.Options;
using TradeNova.Billing.Providers;
using TradeNova.ServiceDefaults.Auth;

namespace TradeNova.Billing.Apis;

/// <summary>The caller's own subscription: read it, subscribe, manage, cancel or resume, and the billing history.</summary>
public static class SubscriptionApi
{
    public static RouteGroupBuilder MapSubscriptionApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/billing").WithTags("Billing").RequireAuthorization();
        api.MapGet("/subscription", GetAsync);
        api.MapPost("/subscription/checkout", CheckoutAsync);
        api.MapPost("/subscription/portal", PortalAsync);
        api.MapPost("/subscription/cancel", (ClaimsPrincipal principal, HttpRequest request, SubscriptionCommands commands, CancellationToken cancellationToken) =>
            SetCancelAsync(principal, request, commands, true, cancellationToken));
        api.MapPost("/subscription/resume", (ClaimsPrincipal principal, HttpRequest request, SubscriptionCommands commands, CancellationToken cancellationToken) =>
            SetCancelAsync(principal, request, commands, false, cancellationToken));
        api.MapGet("/history", GetHistoryAsync);
        return api;
    }

    public static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> GetAsync(
        ClaimsPrincipal principal, BillingContext db, IBillingProvider provider, TimeProvider time, IOptions<BillingOptions> options,
        CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == principal.GetUserId(), cancellationToken);
        return subscription is null
            ? BillingProblems.NoSubscription()
            : TypedResults.Ok(SubscriptionResponses.From(subscription, provider.Name, options.Value, time.Now()));
    }

    public static async Task<Results<Ok<CheckoutResponse>, ProblemHttpResult>> CheckoutAsync(
        ClaimsPrincipal principal, HttpRequest request, SubscriptionCommands commands, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        return await commands.CheckoutAsync(userId, IdempotencyKeys.For(request, "checkout", userId), request, cancellationToken);
    }

    public static async Task<Results<Ok<PortalResponse>, ProblemHttpResult>> PortalAsync(
        ClaimsPrincipal principal, HttpRequest request, SubscriptionCommands commands, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        return await commands.PortalAsync(userId, IdempotencyKeys.For(request, "portal", userId), request, cancellationToken);
    }

    public static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> SetCancelAsync(
        ClaimsPrincipal principal, HttpRequest request, SubscriptionCommands commands, bool cancel, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        return await commands.SetCancelAtPeriodEndAsync(userId, cancel, IdempotencyKeys.For(request, cancel ? "cancel" : "resume", userId), cancellationToken);
    }

    public static async Task<Ok<BillingHistoryResponse>> GetHistoryAsync(ClaimsPrincipal principal, BillingContext db, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => i.UserId == userId)
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Take(100)
            .Select(i => new InvoiceResponse(i.Id, i.Status, i.AmountDue, i.AmountPaid, i.Currency, i.PeriodStart, i.PeriodEnd, i.HostedInvoiceUrl, i.CreatedAt))
            .ToListAsync(cancellationToken);
        var payments = await db.Payments.AsNoTracking()
            .Where(p => p.UserId == userId)
            .OrderByDescending(p => p.OccurredAt).ThenByDescending(p => p.Id)
            .Take(100)
            .Select(p => new PaymentResponse(p.Id, p.InvoiceId, p.Status, p.Amount, p.Currency, p.OccurredAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new BillingHistoryResponse(invoices, payments));
    }
}
