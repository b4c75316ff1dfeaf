using MassTransit;
using TradeNova.Contracts.Billing;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.Identity.IntegrationEvents.EventHandling;

/// <summary>
/// Keeps the entitlement claims (<c>plan</c>, <c>sub_status</c>) of the next tokens in step with Billing; an event
/// older than the last one applied (by version, then time) is ignored.
/// </summary>
public sealed class SubscriptionActivatedIntegrationEventHandler(IdentityContext db)
    : InboxConsumer<IdentityContext, SubscriptionActivated>(db)
{
    protected override async Task HandleAsync(ConsumeContext<SubscriptionActivated> context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        if (!await SubscriptionEventOrder.TryAdvanceAsync(Db, message.UserId, message.Version, message.ActivatedAt, cancellationToken))
        {
            return;
        }

        var user = await Db.Users.SingleOrDefaultAsync(u => u.Id == message.UserId, cancellationToken);
        if (user is not null)
        {
            user.Plan = message.Plan;
            user.SubscriptionStatus = message.Status;
        }
    }
}
