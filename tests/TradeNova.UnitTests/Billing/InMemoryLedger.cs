using TradeNova.Billing.Model;
using TradeNova.Billing.Stripe;

namespace TradeNova.UnitTests.Billing;

/// <summary>The webhook's storage as dictionaries, to run the applier through thousands of orderings quickly.</summary>
public sealed class InMemoryLedger : IBillingLedger
{
    private readonly HashSet<string> _events = new(StringComparer.Ordinal);

    public Dictionary<Guid, Subscription> Subscriptions { get; } = [];

    public Dictionary<string, Invoice> Invoices { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Payment> Payments { get; } = new(StringComparer.Ordinal);

    public Task<bool> TryRecordEventAsync(StripeChange change, CancellationToken cancellationToken) => Task.FromResult(_events.Add(change.EventId));

    public Task<Subscription?> FindByUserAsync(Guid userId, CancellationToken cancellationToken) =>
        Task.FromResult(Subscriptions.GetValueOrDefault(userId));

    public Task<Subscription?> FindByExternalSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        Task.FromResult(Subscriptions.Values.FirstOrDefault(s => s.ExternalSubscriptionId == subscriptionId));

    public Task<Subscription?> FindByExternalCustomerAsync(string customerId, CancellationToken cancellationToken) =>
        Task.FromResult(Subscriptions.Values.FirstOrDefault(s => s.ExternalCustomerId == customerId));

    public void AddSubscription(Subscription subscription) => Subscriptions.Add(subscription.UserId, subscription);

    public Task<Invoice?> FindInvoiceAsync(string invoiceId, CancellationToken cancellationToken) =>
        Task.FromResult(Invoices.GetValueOrDefault(invoiceId));

    public void AddInvoice(Invoice invoice) => Invoices.Add(invoice.Id, invoice);

    public Task<bool> PaymentExistsAsync(string paymentId, CancellationToken cancellationToken) => Task.FromResult(Payments.ContainsKey(paymentId));

    public void AddPayment(Payment payment) => Payments.Add(payment.Id, payment);

    public Task AttachOrphansAsync(string customerId, Guid userId, CancellationToken cancellationToken)
    {
        foreach (var invoice in Invoices.Values.Where(i => i.ExternalCustomerId == customerId && i.UserId is null))
        {
            invoice.UserId = userId;
        }

        foreach (var payment in Payments.Values.Where(p => p.ExternalCustomerId == customerId && p.UserId is null))
        {
            payment.UserId = userId;
        }

        return Task.CompletedTask;
    }

    /// <summary>Everything a user could see, in a canonical text form, so two ledgers compare with one assertion.</summary>
    public string Describe(DateTimeOffset now, TimeSpan grace)
    {
        var lines = new List<string>();
        foreach (var s in Subscriptions.Values.OrderBy(s => s.UserId))
        {
            var state = TradeNova.Billing.Domain.SubscriptionEvaluator.Evaluate(s, now, grace);
            lines.Add($"sub {s.UserId} {s.Provider} {s.ExternalCustomerId} {s.ExternalSubscriptionId} {s.ProviderStatus} " +
                $"{s.CurrentPeriodStart:O} {s.CurrentPeriodEnd:O} cancel={s.CancelAtPeriodEnd} at={s.ProviderStateAt:O} => {state.Status} until {state.AccessEndsAt:O}");
        }

        lines.AddRange(Invoices.Values.OrderBy(i => i.Id, StringComparer.Ordinal).Select(i =>
            $"invoice {i.Id} user={i.UserId} {i.Status} due={i.AmountDue} paid={i.AmountPaid} {i.Currency} {i.PeriodStart:O}..{i.PeriodEnd:O} {i.HostedInvoiceUrl}"));
        lines.AddRange(Payments.Values.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p =>
            $"payment {p.Id} user={p.UserId} {p.InvoiceId} {p.Status} {p.Amount} {p.Currency} {p.OccurredAt:O}"));
        return string.Join('\n', lines);
    }
}
