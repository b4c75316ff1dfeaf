using Stripe;
using Subscription = TradeNova.Billing.Model.Subscription;
using SubscriptionStatuses = TradeNova.Billing.Model.SubscriptionStatuses;
using TradeNova.Billing.Domain;
using TradeNova.Billing.Model;
using TradeNova.Billing.Stripe;
using TradeNova.Tests.Billing;

namespace TradeNova.UnitTests.Billing;

/// <summary>
/// Stripe delivers events at least once and in any order. Every permutation of a realistic sequence, with every
/// event delivered twice, must end in the same state as the in-order delivery, through the SDK's own parser.
/// </summary>
public class StripeEventOrderingTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromDays(3);

    [Fact]
    public async Task Every_order_of_a_failed_then_recovered_renewal_delivered_twice_converges_to_active_in_the_second_period()
    {
        var stripe = new StripeEvents(Guid.Parse("0196f1c2-0000-7000-8000-000000000001"), "renewal");
        var events = StripeScenarios.RenewalRecovered(stripe);
        var now = DateTimeOffset.FromUnixTimeSeconds(StripeScenarios.RetrySucceeded + 3600);
        var expected = await DeliverAsync(events, Enumerable.Range(0, events.Count).ToArray(), now);

        expected.ShouldContain($"=> {SubscriptionStatuses.Active} until {DateTimeOffset.FromUnixTimeSeconds(StripeScenarios.SecondPeriodEnd):O}");
        expected.ShouldContain($"invoice in_renewal_1 user={stripe.UserId} paid due=100 paid=100");
        expected.ShouldContain($"invoice in_renewal_2 user={stripe.UserId} paid due=100 paid=100");
        expected.Split('\n').Count(line => line.StartsWith("payment ", StringComparison.Ordinal)).ShouldBe(3);
        expected.ShouldContain("evt_renewal_4 user=" + stripe.UserId + " in_renewal_2 failed");

        var permutations = 0;
        foreach (var order in StripeScenarios.Permutations(events.Count))
        {
            (await DeliverAsync(events, order, now)).ShouldBe(expected, $"order {string.Join(',', order)}");
            permutations++;
        }

        permutations.ShouldBe(5040);
    }

    [Fact]
    public async Task Every_order_of_a_cancel_at_period_end_delivered_twice_converges_and_the_deleted_subscription_never_comes_back()
    {
        var stripe = new StripeEvents(Guid.Parse("0196f1c2-0000-7000-8000-000000000002"), "cancel");
        var events = StripeScenarios.CanceledAtPeriodEnd(stripe);
        var beforeEnd = DateTimeOffset.FromUnixTimeSeconds(StripeScenarios.FirstPeriodEnd - 3600);
        var afterEnd = DateTimeOffset.FromUnixTimeSeconds(StripeScenarios.FirstPeriodEnd + 1);
        var expectedBefore = await DeliverAsync(events, [0, 1, 2, 3, 4], beforeEnd);
        var expectedAfter = await DeliverAsync(events, [0, 1, 2, 3, 4], afterEnd);

        expectedBefore.ShouldContain($"=> {SubscriptionStatuses.Canceled} until {DateTimeOffset.FromUnixTimeSeconds(StripeScenarios.FirstPeriodEnd):O}");
        expectedAfter.ShouldContain($"=> {SubscriptionStatuses.Expired}");
        foreach (var order in StripeScenarios.Permutations(events.Count))
        {
            (await DeliverAsync(events, order, beforeEnd)).ShouldBe(expectedBefore, $"order {string.Join(',', order)}");
            (await DeliverAsync(events, order, afterEnd)).ShouldBe(expectedAfter, $"order {string.Join(',', order)}");
        }
    }

    [Fact]
    public async Task A_redelivered_event_is_a_duplicate_and_changes_nothing()
    {
        var stripe = new StripeEvents(Guid.NewGuid(), "dup");
        var (_, json) = StripeScenarios.RenewalRecovered(stripe)[2];
        var ledger = new InMemoryLedger();
        var applier = new StripeEventApplier("standard");
        var change = StripeEventParser.Parse(EventUtility.ParseEvent(json, throwOnApiVersionMismatch: false))!;

        (await applier.ApplyAsync(ledger, change, TestContext.Current.CancellationToken)).Result.ShouldBe(ApplyResult.Applied);
        (await applier.ApplyAsync(ledger, change, TestContext.Current.CancellationToken)).Result.ShouldBe(ApplyResult.Duplicate);
        ledger.Payments.Count.ShouldBe(1);
    }

    [Fact]
    public void A_past_due_subscription_is_entitled_during_the_grace_period_and_expired_after_it()
    {
        var periodStart = DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var subscription = new Subscription
        {
            UserId = Guid.NewGuid(),
            Plan = "standard",
            Status = SubscriptionStatuses.Active,
            Provider = BillingProviders.Stripe,
            ProviderStatus = "past_due",
            CurrentPeriodStart = periodStart,
            CurrentPeriodEnd = periodStart.AddMonths(1),
        };

        var inGrace = SubscriptionEvaluator.Evaluate(subscription, periodStart + Grace - TimeSpan.FromSeconds(1), Grace);
        var afterGrace = SubscriptionEvaluator.Evaluate(subscription, periodStart + Grace, Grace);

        inGrace.Status.ShouldBe(SubscriptionStatuses.PastDue);
        inGrace.Entitled.ShouldBeTrue();
        SubscriptionEvaluator.TokenStatus(inGrace.Status).ShouldBe("active");
        afterGrace.Status.ShouldBe(SubscriptionStatuses.Expired);
        afterGrace.Entitled.ShouldBeFalse();
    }

    [Fact]
    public void A_trial_entitles_until_it_ends_and_an_admin_grant_entitles_after_it()
    {
        var now = DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var subscription = new Subscription { UserId = Guid.NewGuid(), Plan = "standard", Status = SubscriptionStatuses.Trialing, TrialEndsAt = now.AddDays(1) };

        SubscriptionEvaluator.Evaluate(subscription, now, Grace).Status.ShouldBe(SubscriptionStatuses.Trialing);
        SubscriptionEvaluator.Evaluate(subscription, now.AddDays(1), Grace).Status.ShouldBe(SubscriptionStatuses.Expired);
        subscription.GrantedUntil = now.AddDays(5);
        var granted = SubscriptionEvaluator.Evaluate(subscription, now.AddDays(2), Grace);
        granted.Status.ShouldBe(SubscriptionStatuses.Active);
        granted.AccessEndsAt.ShouldBe(now.AddDays(5));
    }

    /// <summary>Delivers the events in <paramref name="order"/>, then all of them again rotated by one, to a fresh ledger.</summary>
    private static async Task<string> DeliverAsync(IReadOnlyList<(string Id, string Json)> events, int[] order, DateTimeOffset now)
    {
        var ledger = new InMemoryLedger();
        var applier = new StripeEventApplier("standard");
        var deliveries = order.Concat(order.Skip(1)).Append(order[0]);
        foreach (var index in deliveries)
        {
            var stripeEvent = EventUtility.ParseEvent(events[index].Json, throwOnApiVersionMismatch: false);
            var change = StripeEventParser.Parse(stripeEvent).ShouldNotBeNull();
            if (change is CheckoutCompleted checkout)
            {
                // As the webhook does: the subscription as read from Stripe when the session completed.
                change = checkout with
                {
                    Subscription = new SubscriptionSnapshot(checkout.EventId, "subscription.read", checkout.At, checkout.SubscriptionId!,
                        checkout.CustomerId, checkout.UserId, "active",
                        DateTimeOffset.FromUnixTimeSeconds(StripeScenarios.Start), DateTimeOffset.FromUnixTimeSeconds(StripeScenarios.FirstPeriodEnd), false),
                };
            }

            var outcome = await applier.ApplyAsync(ledger, change, CancellationToken.None);
            outcome.Result.ShouldNotBe(ApplyResult.Unmatched);
        }

        return ledger.Describe(now, Grace);
    }
}
