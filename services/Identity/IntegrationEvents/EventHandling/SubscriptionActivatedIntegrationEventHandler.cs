using MassTransit;
using TradeNova.Contracts.Billing;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.Identity.IntegrationEvents.EventHandling;

/// <summary>Keeps the entitlement claims (<c>plan</c>, <c>sub_status</c>) of the next tokens in step with Billing.</summary>
public sealed class SubscriptionActivatedIntegrationEventHandler(IdentityContext db)
    : InboxConsumer<IdentityContext, SubscriptionActivated>(db)
{
    protected override async Task HandleAsync(ConsumeContext<SubscriptionActivated> context, CancellationToken cancellationToken)
    {
        var user = await Db.Users.SingleOrDefaultAsync(u => u.Id == context.Message.UserId, cancellationToken);
        if (user is not null)
        {
            user.Plan = context.Message.Plan;
            user.SubscriptionStatus = context.Message.Status;
        }
    }
}
