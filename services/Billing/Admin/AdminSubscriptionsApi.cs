using Microsoft.Extensions.Options;
using TradeNova.Billing.Providers;
using TradeNova.ServiceDefaults.Auth;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Billing.Admin;

/// <summary>
/// Admin only: list subscriptions; grant, extend or cancel one with a reason (audited); and, with the local
/// provider, the hooks that make its clock act now (trial expiry, failed renewal, renewal) for tests and support.
/// </summary>
public static class AdminSubscriptionsApi
{
    private const int MaxDays = 3660;

    public static RouteGroupBuilder MapAdminSubscriptionsApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/billing/admin").WithTags("Billing admin").RequireAuthorization(TradeNovaPolicies.Admin);
        api.MapGet("/subscriptions", ListAsync);
        api.MapGet("/audit", ListAuditAsync);
        api.MapPost("/subscriptions/{userId:guid}/grant", (Guid userId, AdminActionRequest body, [AsParameters] AdminCommandContext context) =>
            ActAsync(userId, body, AdminActions.Grant, context));
        api.MapPost("/subscriptions/{userId:guid}/extend", (Guid userId, AdminActionRequest body, [AsParameters] AdminCommandContext context) =>
            ActAsync(userId, body, AdminActions.Extend, context));
        api.MapPost("/subscriptions/{userId:guid}/cancel", (Guid userId, AdminActionRequest body, [AsParameters] AdminCommandContext context) =>
            ActAsync(userId, body, AdminActions.Cancel, context));
        api.MapPost("/subscriptions/{userId:guid}/simulate/trial-expiry", (Guid userId, AdminActionRequest body, [AsParameters] AdminCommandContext context) =>
            ActAsync(userId, body, AdminActions.SimulateTrialExpiry, context));
        api.MapPost("/subscriptions/{userId:guid}/simulate/payment-failure", (Guid userId, AdminActionRequest body, bool? pastGrace, [AsParameters] AdminCommandContext context) =>
            ActAsync(userId, body, AdminActions.SimulatePaymentFailure, context, pastGrace ?? false));
        api.MapPost("/subscriptions/{userId:guid}/simulate/renewal", (Guid userId, AdminActionRequest body, [AsParameters] AdminCommandContext context) =>
            ActAsync(userId, body, AdminActions.SimulateRenewal, context));
        return api;
    }

    public static async Task<Ok<List<AdminSubscriptionResponse>>> ListAsync(
        BillingContext db, string? status, int? offset, int? limit, CancellationToken cancellationToken)
    {
        var query = db.Subscriptions.AsNoTracking();
        if (!string.IsNullOrEmpty(status))
        {
            query = query.Where(s => s.Status == status);
        }

        var items = await query
            .OrderByDescending(s => s.CreatedAt).ThenBy(s => s.UserId)
            .Skip(Math.Max(0, offset ?? 0))
            .Take(Math.Clamp(limit ?? 50, 1, 200))
            .Select(s => new AdminSubscriptionResponse(
                s.UserId, s.Email, s.Plan, s.Status, s.Provider, s.ProviderStatus, s.TrialEndsAt, s.CurrentPeriodEnd,
                s.CancelAtPeriodEnd, s.AccessEndsAt, s.GrantedUntil, s.Version, s.StatusChangedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(items);
    }

    public static async Task<Ok<List<AdminAuditResponse>>> ListAuditAsync(BillingContext db, Guid? userId, CancellationToken cancellationToken)
    {
        var query = db.AdminAudit.AsNoTracking();
        if (userId is { } id)
        {
            query = query.Where(e => e.UserId == id);
        }

        var entries = await query.OrderByDescending(e => e.Id).Take(200)
            .Select(e => new AdminAuditResponse(e.Id, e.AdminUserId, e.UserId, e.Action, e.Reason, e.Detail, e.OccurredAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(entries);
    }

    private static async Task<Results<Ok<AdminSubscriptionResponse>, ValidationProblem, ProblemHttpResult>> ActAsync(
        Guid userId, AdminActionRequest body, string action, AdminCommandContext context, bool pastGrace = false)
    {
        var errors = new ValidationErrors()
            .Check(!string.IsNullOrWhiteSpace(body.Reason) && body.Reason.Trim().Length <= 500, "reason", "Give a reason (at most 500 characters).");
        if (action is AdminActions.Grant or AdminActions.Extend)
        {
            errors.Check(body.Days is > 0 and <= MaxDays, "days", $"Days must be between 1 and {MaxDays}.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        return await context.Commands.ApplyAsync(userId, action, body.Reason!.Trim(), body.Days ?? 0, pastGrace, context.Principal.GetUserId(), context.CancellationToken);
    }
}
