namespace TradeNova.Billing.Stripe;

/// <summary>
/// Applies Stripe's facts by the objects' own state and time, never by arrival order: a subscription snapshot
/// replaces the stored one only when newer (a canceled subscription never comes back), an invoice only moves
/// forward (paid and void are final), and each payment attempt is kept once. Any order of the same events,
/// each delivered any number of times, therefore ends in the same state.
/// </summary>
public sealed class StripeEventApplier(string plan)
{
    private static readonly string[] SubscriptionRank = ["incomplete", "trialing", "active", "past_due", "unpaid", "paused", "incomplete_expired", "canceled"];
    private static readonly string[] InvoiceRank = ["draft", "open", "uncollectible", "void", "paid"];

    public async Task<ApplyOutcome> ApplyAsync(IBillingLedger ledger, StripeChange change, CancellationToken cancellationToken)
    {
        if (!await ledger.TryRecordEventAsync(change, cancellationToken))
        {
            return new ApplyOutcome(ApplyResult.Duplicate);
        }

        return change switch
        {
            CheckoutCompleted checkout => await ApplyCheckoutAsync(ledger, checkout, cancellationToken),
            SubscriptionSnapshot snapshot => await ApplySubscriptionAsync(ledger, snapshot, cancellationToken),
            InvoiceSnapshot invoice => await ApplyInvoiceAsync(ledger, invoice, cancellationToken),
            _ => new ApplyOutcome(ApplyResult.Ignored),
        };
    }

    /// <summary>Whether <paramref name="snapshot"/> is newer than what <paramref name="subscription"/> holds.</summary>
    public static bool IsNewer(Subscription subscription, SubscriptionSnapshot snapshot)
    {
        if (subscription.ProviderStateAt is not { } storedAt || subscription.ProviderStatus is null)
        {
            return true;
        }

        if (subscription.ExternalSubscriptionId != snapshot.SubscriptionId)
        {
            // Another subscription of the same user (they subscribed again): the most recent one counts.
            return snapshot.At > storedAt
                || (snapshot.At == storedAt && string.CompareOrdinal(snapshot.SubscriptionId, subscription.ExternalSubscriptionId) > 0);
        }

        var storedFinal = IsFinal(subscription.ProviderStatus);
        if (storedFinal != IsFinal(snapshot.Status))
        {
            return !storedFinal;
        }

        if (snapshot.At != storedAt)
        {
            return snapshot.At > storedAt;
        }

        // Same second: Stripe's timestamps are whole seconds, so break the tie by lifecycle order, then period.
        var byStatus = Rank(SubscriptionRank, snapshot.Status).CompareTo(Rank(SubscriptionRank, subscription.ProviderStatus));
        if (byStatus != 0)
        {
            return byStatus > 0;
        }

        return snapshot.PeriodEnd > subscription.CurrentPeriodEnd
            || (snapshot.PeriodEnd == subscription.CurrentPeriodEnd && snapshot.CancelAtPeriodEnd && !subscription.CancelAtPeriodEnd);
    }

    public static bool IsNewer(Invoice invoice, InvoiceSnapshot snapshot)
    {
        var storedFinal = invoice.Status is "paid" or "void";
        if (storedFinal || snapshot.Status is "paid" or "void")
        {
            return !storedFinal;
        }

        return snapshot.At > invoice.StateAt
            || (snapshot.At == invoice.StateAt && Rank(InvoiceRank, snapshot.Status) > Rank(InvoiceRank, invoice.Status));
    }

    private async Task<ApplyOutcome> ApplyCheckoutAsync(IBillingLedger ledger, CheckoutCompleted checkout, CancellationToken cancellationToken)
    {
        if (checkout.UserId is not { } userId)
        {
            return new ApplyOutcome(ApplyResult.Ignored);
        }

        var subscription = await FindOrAddAsync(ledger, userId, checkout.At, cancellationToken);
        subscription.Provider = BillingProviders.Stripe;
        subscription.ExternalCustomerId ??= checkout.CustomerId;
        subscription.ExternalSubscriptionId ??= checkout.SubscriptionId;
        if (checkout.Subscription is { } read && IsNewer(subscription, read))
        {
            Take(subscription, read);
        }

        if (checkout.CustomerId is not null)
        {
            await ledger.AttachOrphansAsync(checkout.CustomerId, userId, cancellationToken);
        }

        return new ApplyOutcome(ApplyResult.Applied, subscription);
    }

    private async Task<ApplyOutcome> ApplySubscriptionAsync(IBillingLedger ledger, SubscriptionSnapshot snapshot, CancellationToken cancellationToken)
    {
        var subscription = snapshot.UserId is { } userId
            ? await FindOrAddAsync(ledger, userId, snapshot.At, cancellationToken)
            : await ledger.FindByExternalSubscriptionAsync(snapshot.SubscriptionId, cancellationToken)
              ?? (snapshot.CustomerId is null ? null : await ledger.FindByExternalCustomerAsync(snapshot.CustomerId, cancellationToken));
        if (subscription is null)
        {
            return new ApplyOutcome(ApplyResult.Unmatched);
        }

        subscription.Provider = BillingProviders.Stripe;
        subscription.ExternalCustomerId ??= snapshot.CustomerId;
        if (IsNewer(subscription, snapshot))
        {
            Take(subscription, snapshot);
        }

        if (subscription.ExternalCustomerId is { } customerId)
        {
            await ledger.AttachOrphansAsync(customerId, subscription.UserId, cancellationToken);
        }

        return new ApplyOutcome(ApplyResult.Applied, subscription);
    }

    private static async Task<ApplyOutcome> ApplyInvoiceAsync(IBillingLedger ledger, InvoiceSnapshot snapshot, CancellationToken cancellationToken)
    {
        var owner = (snapshot.SubscriptionId is null ? null : await ledger.FindByExternalSubscriptionAsync(snapshot.SubscriptionId, cancellationToken))
            ?? (snapshot.CustomerId is null ? null : await ledger.FindByExternalCustomerAsync(snapshot.CustomerId, cancellationToken));
        var invoice = await ledger.FindInvoiceAsync(snapshot.InvoiceId, cancellationToken);
        if (invoice is null)
        {
            invoice = new Invoice
            {
                Id = snapshot.InvoiceId,
                Provider = BillingProviders.Stripe,
                Status = snapshot.Status,
                Currency = snapshot.Currency,
                StateAt = snapshot.At,
            };
            Take(invoice, snapshot);
            ledger.AddInvoice(invoice);
        }
        else if (IsNewer(invoice, snapshot))
        {
            Take(invoice, snapshot);
        }

        invoice.UserId ??= owner?.UserId;
        if (!await ledger.PaymentExistsAsync(snapshot.EventId, cancellationToken))
        {
            ledger.AddPayment(new Payment
            {
                Id = snapshot.EventId,
                UserId = owner?.UserId,
                InvoiceId = snapshot.InvoiceId,
                ExternalCustomerId = snapshot.CustomerId,
                Status = snapshot.PaymentStatus,
                Amount = snapshot.PaymentStatus == PaymentStatuses.Succeeded ? snapshot.AmountPaid : snapshot.AmountDue,
                Currency = snapshot.Currency,
                OccurredAt = snapshot.At,
            });
        }

        return new ApplyOutcome(ApplyResult.Applied, owner);
    }

    private async Task<Subscription> FindOrAddAsync(IBillingLedger ledger, Guid userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var subscription = await ledger.FindByUserAsync(userId, cancellationToken);
        if (subscription is null)
        {
            // Stripe spoke before UserRegistered reached Billing; the registration handler fills in the rest.
            subscription = new Subscription { UserId = userId, Plan = plan, Status = SubscriptionStatuses.Expired, CreatedAt = at };
            ledger.AddSubscription(subscription);
        }

        return subscription;
    }

    private static void Take(Subscription subscription, SubscriptionSnapshot snapshot)
    {
        subscription.ExternalSubscriptionId = snapshot.SubscriptionId;
        subscription.ProviderStatus = snapshot.Status;
        subscription.CurrentPeriodStart = snapshot.PeriodStart;
        subscription.CurrentPeriodEnd = snapshot.PeriodEnd;
        subscription.CancelAtPeriodEnd = snapshot.CancelAtPeriodEnd;
        subscription.ProviderStateAt = snapshot.At;
    }

    private static void Take(Invoice invoice, InvoiceSnapshot snapshot)
    {
        invoice.Status = snapshot.Status;
        invoice.ExternalCustomerId = snapshot.CustomerId ?? invoice.ExternalCustomerId;
        invoice.ExternalSubscriptionId = snapshot.SubscriptionId ?? invoice.ExternalSubscriptionId;
        invoice.AmountDue = snapshot.AmountDue;
        invoice.AmountPaid = snapshot.AmountPaid;
        invoice.Currency = snapshot.Currency;
        invoice.PeriodStart = snapshot.PeriodStart;
        invoice.PeriodEnd = snapshot.PeriodEnd;
        invoice.HostedInvoiceUrl = snapshot.HostedInvoiceUrl ?? invoice.HostedInvoiceUrl;
        invoice.CreatedAt = snapshot.CreatedAt;
        invoice.StateAt = snapshot.At;
    }

    private static bool IsFinal(string status) => status is "canceled" or "incomplete_expired";

    private static int Rank(string[] order, string status) => Array.IndexOf(order, status);
}
