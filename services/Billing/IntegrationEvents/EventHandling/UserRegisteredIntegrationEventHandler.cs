using MassTransit;
using Microsoft.Extensions.Options;
using TradeNova.Contracts.Identity;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.Billing.IntegrationEvents.EventHandling;

/// <summary>Every new user starts a free trial at once (no card), so a fresh install is usable immediately.</summary>
public sealed class UserRegisteredIntegrationEventHandler(
    BillingContext db, SubscriptionPublisher publisher, TimeProvider time, IOptions<BillingOptions> options)
    : InboxConsumer<BillingContext, UserRegistered>(db)
{
    protected override async Task HandleAsync(ConsumeContext<UserRegistered> context, CancellationToken cancellationToken)
    {
        using var activity = BillingTelemetry.ActivitySource.StartActivity("start trial");
        var message = context.Message;
        activity?.SetTag("tradenova.user_id", message.UserId);
        var registeredAt = BillingTime.Truncate(message.RegisteredAt);
        var subscription = await Db.Subscriptions.SingleOrDefaultAsync(s => s.UserId == message.UserId, cancellationToken);
        if (subscription is null)
        {
            subscription = new Subscription
            {
                UserId = message.UserId,
                Plan = options.Value.Plan,
                Status = SubscriptionStatuses.Trialing,
                CreatedAt = time.Now(),
            };
            Db.Subscriptions.Add(subscription);
        }

        // A Stripe webhook may have created the row first; it lacks only what registration knows.
        subscription.Email = message.Email;
        subscription.TrialEndsAt ??= registeredAt + options.Value.TrialPeriod;
        publisher.Refresh(subscription);
    }
}
