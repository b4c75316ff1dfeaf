namespace TradeNova.Billing.Apis;

/// <summary>
/// The key sent to Stripe: the client's own Idempotency-Key when it gave one (a retried click creates one
/// Checkout Session), else a fresh one; always scoped to the user and the action so keys never collide.
/// </summary>
public static class IdempotencyKeys
{
    public static string For(HttpRequest request, string action, Guid userId)
    {
        var given = request.Headers["Idempotency-Key"].ToString();
        var key = given.Length is > 0 and <= 100 ? given : Guid.NewGuid().ToString("N");
        return $"tradenova-{action}-{userId:N}-{key}";
    }
}
