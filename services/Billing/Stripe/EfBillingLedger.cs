namespace TradeNova.Billing.Stripe;

/// <summary>The ledger inside the webhook's transaction; lookups see rows added earlier in the same unit of work.</summary>
public sealed class EfBillingLedger(BillingContext db, TimeProvider time) : IBillingLedger
{
    public async Task<bool> TryRecordEventAsync(StripeChange change, CancellationToken cancellationToken)
    {
        // ON CONFLICT DO NOTHING waits for a concurrent delivery of the same event and then reports it as applied.
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO billing.stripe_events (event_id, type, created_at, received_at) VALUES ({change.EventId}, {change.Type}, {change.At}, {time.Now()}) ON CONFLICT DO NOTHING",
            cancellationToken);
        return inserted == 1;
    }

    public async Task<Subscription?> FindByUserAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Subscriptions.Local.FirstOrDefault(s => s.UserId == userId)
        ?? await db.Subscriptions.SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);

    public async Task<Subscription?> FindByExternalSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        db.Subscriptions.Local.FirstOrDefault(s => s.ExternalSubscriptionId == subscriptionId)
        ?? await db.Subscriptions.FirstOrDefaultAsync(s => s.ExternalSubscriptionId == subscriptionId, cancellationToken);

    public async Task<Subscription?> FindByExternalCustomerAsync(string customerId, CancellationToken cancellationToken) =>
        db.Subscriptions.Local.FirstOrDefault(s => s.ExternalCustomerId == customerId)
        ?? await db.Subscriptions.FirstOrDefaultAsync(s => s.ExternalCustomerId == customerId, cancellationToken);

    public void AddSubscription(Subscription subscription) => db.Subscriptions.Add(subscription);

    public async Task<Invoice?> FindInvoiceAsync(string invoiceId, CancellationToken cancellationToken) =>
        await db.Invoices.FindAsync([invoiceId], cancellationToken);

    public void AddInvoice(Invoice invoice) => db.Invoices.Add(invoice);

    public async Task<bool> PaymentExistsAsync(string paymentId, CancellationToken cancellationToken) =>
        db.Payments.Local.Any(p => p.Id == paymentId) || await db.Payments.AnyAsync(p => p.Id == paymentId, cancellationToken);

    public void AddPayment(Payment payment) => db.Payments.Add(payment);

    public async Task AttachOrphansAsync(string customerId, Guid userId, CancellationToken cancellationToken)
    {
        foreach (var invoice in db.Invoices.Local.Where(i => i.ExternalCustomerId == customerId && i.UserId is null))
        {
            invoice.UserId = userId;
        }

        foreach (var payment in db.Payments.Local.Where(p => p.ExternalCustomerId == customerId && p.UserId is null))
        {
            payment.UserId = userId;
        }

        await db.Invoices.Where(i => i.ExternalCustomerId == customerId && i.UserId == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.UserId, userId), cancellationToken);
        await db.Payments.Where(p => p.ExternalCustomerId == customerId && p.UserId == null)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.UserId, userId), cancellationToken);
    }
}
