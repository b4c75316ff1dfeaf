namespace TradeNova.Billing.Stripe;

/// <summary>
/// The storage <see cref="StripeEventApplier"/> works on: the database inside the webhook's transaction, or a
/// dictionary in unit tests, so the ordering rules are tested apart from PostgreSQL.
/// </summary>
public interface IBillingLedger
{
    /// <summary>Records the event id; false when it was already applied (a redelivery).</summary>
    Task<bool> TryRecordEventAsync(StripeChange change, CancellationToken cancellationToken);

    Task<Subscription?> FindByUserAsync(Guid userId, CancellationToken cancellationToken);

    Task<Subscription?> FindByExternalSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken);

    Task<Subscription?> FindByExternalCustomerAsync(string customerId, CancellationToken cancellationToken);

    void AddSubscription(Subscription subscription);

    Task<Invoice?> FindInvoiceAsync(string invoiceId, CancellationToken cancellationToken);

    void AddInvoice(Invoice invoice);

    Task<bool> PaymentExistsAsync(string paymentId, CancellationToken cancellationToken);

    void AddPayment(Payment payment);

    /// <summary>Gives invoices and payments that arrived before the customer was linked to their user.</summary>
    Task AttachOrphansAsync(string customerId, Guid userId, CancellationToken cancellationToken);
}
