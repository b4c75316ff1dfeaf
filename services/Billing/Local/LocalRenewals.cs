using Microsoft.Extensions.Options;

namespace TradeNova.Billing.Local;

/// <summary>
/// The local provider's billing run, as Stripe would do it: at the end of a period a subscription set to cancel
/// ends, otherwise a new period starts and is charged; a failed charge leaves it past_due (the grace period runs
/// from the start of the unpaid period). Every charge is an invoice and a payment in the user's history.
/// </summary>
public sealed class LocalRenewals(BillingContext db, IOptions<BillingOptions> options)
{
    /// <summary>Catching up after downtime renews at most this many periods in one go.</summary>
    private const int MaxPeriodsPerRun = 24;

    public void RenewDue(Subscription subscription, DateTimeOffset now)
    {
        if (subscription.Provider != BillingProviders.Local)
        {
            return;
        }

        for (var i = 0; i < MaxPeriodsPerRun && subscription.ProviderStatus == "active" && subscription.CurrentPeriodEnd <= now; i++)
        {
            var periodEnd = subscription.CurrentPeriodEnd.Value;
            subscription.ProviderStateAt = periodEnd;
            if (subscription.CancelAtPeriodEnd)
            {
                subscription.ProviderStatus = "canceled";
                return;
            }

            subscription.CurrentPeriodStart = periodEnd;
            subscription.CurrentPeriodEnd = periodEnd + options.Value.Local.PeriodLength;
            var succeeded = !subscription.FailNextPayment;
            subscription.FailNextPayment = false;
            subscription.ProviderStatus = succeeded ? "active" : "past_due";
            Charge(subscription, succeeded, periodEnd);
        }
    }

    /// <summary>Bills the current period: an invoice (paid or open) and one payment attempt.</summary>
    public void Charge(Subscription subscription, bool succeeded, DateTimeOffset at)
    {
        var price = options.Value.Price;
        var currency = options.Value.Currency;
        var invoiceId = $"local_in_{Guid.CreateVersion7(at):N}";
        db.Invoices.Add(new Invoice
        {
            Id = invoiceId,
            UserId = subscription.UserId,
            Provider = BillingProviders.Local,
            ExternalCustomerId = subscription.ExternalCustomerId,
            ExternalSubscriptionId = subscription.ExternalSubscriptionId,
            Status = succeeded ? "paid" : "open",
            AmountDue = price,
            AmountPaid = succeeded ? price : 0m,
            Currency = currency,
            PeriodStart = subscription.CurrentPeriodStart,
            PeriodEnd = subscription.CurrentPeriodEnd,
            CreatedAt = at,
            StateAt = at,
        });
        db.Payments.Add(new Payment
        {
            Id = $"local_py_{Guid.CreateVersion7(at):N}",
            UserId = subscription.UserId,
            InvoiceId = invoiceId,
            ExternalCustomerId = subscription.ExternalCustomerId,
            Status = succeeded ? PaymentStatuses.Succeeded : PaymentStatuses.Failed,
            Amount = price,
            Currency = currency,
            OccurredAt = at,
        });
    }
}
