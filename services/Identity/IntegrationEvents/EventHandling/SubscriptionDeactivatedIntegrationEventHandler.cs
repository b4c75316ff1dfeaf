using MassTransit;
using TradeNova.Contracts.Billing;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.Identity.IntegrationEvents.EventHandling;

/// <summary>
/// A lapsed subscription shows in the next tokens' <c>sub_status</c>, which Risk and Execution enforce; an event
/// older than the last one applied (by version, then time) is ignored.
/// </summary>
public sealed class SubscriptionDeactivatedIntegrationEventHandler(IdentityContext db)
    : InboxConsumer<IdentityContext, SubscriptionDeactivated>(db)
{
    protected override async Task HandleAsync(ConsumeContext<SubscriptionDeactivated> context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        if (!await SubscriptionEventOrder.TryAdvanceAsync(Db, message.UserId, message.Version, message.DeactivatedAt, cancellationToken))
        {
            return;
        }

        var user = await Db.Users.SingleOrDefaultAsync(u => u.Id == message.UserId, cancellationToken);
        if (user is not null)
        {
            user.SubscriptionStatus = message.Status;
        }
    }
}
