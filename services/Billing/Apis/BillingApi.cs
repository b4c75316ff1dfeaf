using TradeNova.ServiceDefaults.Auth;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Billing.Apis;

public static class BillingApi
{
    public static RouteGroupBuilder MapBillingApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/billing").WithTags("Billing").RequireAuthorization();
        api.MapGet("/customer", GetMyCustomerAsync);
        return api;
    }

    public static async Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> GetMyCustomerAsync(
        ClaimsPrincipal principal, BillingContext db, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var customer = await db.Customers.AsNoTracking()
            .Where(c => c.UserId == userId)
            .Select(c => new CustomerResponse(c.UserId, c.Email, c.Status, c.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);
        return customer is null ? ProblemResults.NotFound("Customer not created yet.") : TypedResults.Ok(customer);
    }
}
