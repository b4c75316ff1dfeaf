using Microsoft.Extensions.Options;
using Stripe;
using Subscription = TradeNova.Billing.Model.Subscription;
using TradeNova.Billing.Stripe;
using CheckoutSessionService = Stripe.Checkout.SessionService;
using CheckoutSessionCreateOptions = Stripe.Checkout.SessionCreateOptions;
using CheckoutLineItem = Stripe.Checkout.SessionLineItemOptions;
using CheckoutSubscriptionData = Stripe.Checkout.SessionSubscriptionDataOptions;
using PortalSessionService = Stripe.BillingPortal.SessionService;
using PortalSessionCreateOptions = Stripe.BillingPortal.SessionCreateOptions;

namespace TradeNova.Billing.Providers;

/// <summary>Stripe through the official SDK; subscription state comes back through the webhook, never from these calls.</summary>
public sealed class StripeBillingProvider(IStripeClient client, IOptions<BillingOptions> options) : IBillingProvider
{
    public string Name => BillingProviders.Stripe;

    public async Task<string?> StartCheckoutAsync(Subscription subscription, ReturnUrls urls, string idempotencyKey, CancellationToken cancellationToken)
    {
        var userId = subscription.UserId.ToString();
        var create = new CheckoutSessionCreateOptions
        {
            Mode = "subscription",
            ClientReferenceId = userId,
            LineItems = [new CheckoutLineItem { Price = options.Value.Stripe.PriceId, Quantity = 1 }],
            SuccessUrl = urls.Success,
            CancelUrl = urls.Cancel,
            Metadata = new Dictionary<string, string> { [StripeEventParser.UserIdMetadataKey] = userId },
            // Subscription events then name the user themselves, whatever order they arrive in.
            SubscriptionData = new CheckoutSubscriptionData
            {
                Metadata = new Dictionary<string, string> { [StripeEventParser.UserIdMetadataKey] = userId },
            },
        };
        if (subscription.ExternalCustomerId is { } customer)
        {
            create.Customer = customer;
        }
        else if (!string.IsNullOrEmpty(subscription.Email))
        {
            create.CustomerEmail = subscription.Email;
        }

        var session = await CallAsync(() => new CheckoutSessionService(client).CreateAsync(create, Idempotent(idempotencyKey), cancellationToken));
        return session.Url;
    }

    public async Task<string?> StartPortalAsync(Subscription subscription, ReturnUrls urls, string idempotencyKey, CancellationToken cancellationToken)
    {
        var customer = subscription.ExternalCustomerId ?? throw new BillingProviderException("Subscribe first: there is no Stripe customer to manage yet.");
        var session = await CallAsync(() => new PortalSessionService(client).CreateAsync(
            new PortalSessionCreateOptions { Customer = customer, ReturnUrl = urls.Return }, Idempotent(idempotencyKey), cancellationToken));
        return session.Url;
    }

    public async Task SetCancelAtPeriodEndAsync(Subscription subscription, bool cancel, string idempotencyKey, CancellationToken cancellationToken)
    {
        var id = subscription.ExternalSubscriptionId ?? throw new BillingProviderException("There is no Stripe subscription to change.");
        await CallAsync(() => new SubscriptionService(client).UpdateAsync(
            id, new SubscriptionUpdateOptions { CancelAtPeriodEnd = cancel }, Idempotent(idempotencyKey), cancellationToken));
    }

    public async Task CancelNowAsync(Subscription subscription, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (subscription.ExternalSubscriptionId is not { } id)
        {
            return;
        }

        await CallAsync(() => new SubscriptionService(client).CancelAsync(id, new SubscriptionCancelOptions(), Idempotent(idempotencyKey), cancellationToken));
    }

    /// <summary>Reads a subscription, for <c>checkout.session.completed</c> (whose payload names it but does not carry it).</summary>
    public async Task<global::Stripe.Subscription> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        await CallAsync(() => new SubscriptionService(client).GetAsync(subscriptionId, null, null, cancellationToken));

    private static RequestOptions Idempotent(string key) => new() { IdempotencyKey = key };

    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (StripeException error)
        {
            throw new BillingProviderException($"Stripe refused the request ({error.StripeError?.Code ?? error.HttpStatusCode.ToString()}).", error);
        }
    }
}
