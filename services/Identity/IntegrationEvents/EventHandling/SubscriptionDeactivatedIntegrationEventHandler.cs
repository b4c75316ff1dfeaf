using MassTransit;
using TradeNova.Contracts.Billing;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.Identity.IntegrationEvents.EventHandling;

/// <summary>A lapsed subscription shows in the next tokens' <c>sub_status</c>, which Risk and Execution enforce.</summary>
public sealed class SubscriptionDeactivatedIntegrationEventHandler(IdentityContext db)
    : InboxConsumer<IdentityContext, SubscriptionDeactivated>(db)
{
    protected override async Task HandleAsync(ConsumeContext<SubscriptionDeactivated> context, CancellationToken cancellationToken)
    {
        var user = await Db.Users.SingleOrDefaultAsync(u => u.Id == context.Message.UserId, cancellationToken);
        if (user is not null)
        {
            user.SubscriptionStatus = context.Message.Status;
        }
    }
}
