namespace TradeNova.Tests.Billing;

/// <summary>Realistic Stripe event sequences for one subscriber, each event as (id, JSON).</summary>
public static class StripeScenarios
{
    public static readonly long Start = StripeEvents.Unix("2026-11-01T10:00:00Z");
    public static readonly long FirstPeriodEnd = StripeEvents.Unix("2026-12-01T10:00:00Z");
    public static readonly long SecondPeriodEnd = StripeEvents.Unix("2027-01-01T10:00:00Z");
    public static readonly long RetrySucceeded = FirstPeriodEnd + (2 * 86_400);

    /// <summary>
    /// Subscribe through Checkout, first invoice paid, the renewal payment fails (past_due), Stripe's retry two
    /// days later succeeds (active again): seven events, final state active in the second period.
    /// </summary>
    public static IReadOnlyList<(string Id, string Json)> RenewalRecovered(StripeEvents stripe) =>
    [
        ($"evt_{stripe.Suffix}_1", stripe.CheckoutCompleted($"evt_{stripe.Suffix}_1", Start + 3)),
        ($"evt_{stripe.Suffix}_2", stripe.Subscription($"evt_{stripe.Suffix}_2", "customer.subscription.created", Start, "active", Start, FirstPeriodEnd)),
        ($"evt_{stripe.Suffix}_3", stripe.Invoice($"evt_{stripe.Suffix}_3", "invoice.paid", Start + 1, $"in_{stripe.Suffix}_1", "paid", 10000, Start, FirstPeriodEnd)),
        ($"evt_{stripe.Suffix}_4", stripe.Invoice($"evt_{stripe.Suffix}_4", "invoice.payment_failed", FirstPeriodEnd, $"in_{stripe.Suffix}_2", "open", 0, FirstPeriodEnd, SecondPeriodEnd)),
        ($"evt_{stripe.Suffix}_5", stripe.Subscription($"evt_{stripe.Suffix}_5", "customer.subscription.updated", FirstPeriodEnd, "past_due", FirstPeriodEnd, SecondPeriodEnd)),
        ($"evt_{stripe.Suffix}_6", stripe.Invoice($"evt_{stripe.Suffix}_6", "invoice.paid", RetrySucceeded, $"in_{stripe.Suffix}_2", "paid", 10000, FirstPeriodEnd, SecondPeriodEnd)),
        ($"evt_{stripe.Suffix}_7", stripe.Subscription($"evt_{stripe.Suffix}_7", "customer.subscription.updated", RetrySucceeded, "active", FirstPeriodEnd, SecondPeriodEnd)),
    ];

    /// <summary>Subscribe, first invoice paid, cancel at period end in the portal, Stripe deletes it at the period end.</summary>
    public static IReadOnlyList<(string Id, string Json)> CanceledAtPeriodEnd(StripeEvents stripe) =>
    [
        ($"evt_{stripe.Suffix}_c1", stripe.CheckoutCompleted($"evt_{stripe.Suffix}_c1", Start + 3)),
        ($"evt_{stripe.Suffix}_c2", stripe.Subscription($"evt_{stripe.Suffix}_c2", "customer.subscription.created", Start, "active", Start, FirstPeriodEnd)),
        ($"evt_{stripe.Suffix}_c3", stripe.Invoice($"evt_{stripe.Suffix}_c3", "invoice.paid", Start + 1, $"in_{stripe.Suffix}_c1", "paid", 10000, Start, FirstPeriodEnd)),
        ($"evt_{stripe.Suffix}_c4", stripe.Subscription($"evt_{stripe.Suffix}_c4", "customer.subscription.updated", Start + (10 * 86_400), "active", Start, FirstPeriodEnd, cancelAtPeriodEnd: true)),
        ($"evt_{stripe.Suffix}_c5", stripe.Subscription($"evt_{stripe.Suffix}_c5", "customer.subscription.deleted", FirstPeriodEnd, "canceled", Start, FirstPeriodEnd, cancelAtPeriodEnd: true)),
    ];

    public static IEnumerable<int[]> Permutations(int count)
    {
        var items = Enumerable.Range(0, count).ToArray();
        return Permute(items, 0);
    }

    private static IEnumerable<int[]> Permute(int[] items, int from)
    {
        if (from == items.Length)
        {
            yield return (int[])items.Clone();
            yield break;
        }

        for (var i = from; i < items.Length; i++)
        {
            (items[from], items[i]) = (items[i], items[from]);
            foreach (var permutation in Permute(items, from + 1))
            {
                yield return permutation;
            }

            (items[from], items[i]) = (items[i], items[from]);
        }
    }
}
