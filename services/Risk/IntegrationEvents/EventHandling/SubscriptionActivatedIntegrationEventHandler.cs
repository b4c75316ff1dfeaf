using MassTransit;
using TradeNova.Contracts.Billing;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.Risk.IntegrationEvents.EventHandling;

/// <summary>Entitlement from Billing; applied by timestamp so an older status arriving late cannot win.</summary>
public sealed class SubscriptionActivatedIntegrationEventHandler(RiskContext db) : InboxConsumer<RiskContext, SubscriptionActivated>(db)
{
    protected override async Task HandleAsync(ConsumeContext<SubscriptionActivated> context, CancellationToken cancellationToken)
    {
        var activated = context.Message;
        var account = await Db.LockAccountAsync(activated.UserId, cancellationToken);
        if (account.SubscriptionChangedAt is { } applied && activated.ActivatedAt < applied)
        {
            return;
        }

        account.SubscriptionStatus = activated.Status;
        account.SubscriptionChangedAt = activated.ActivatedAt;
    }
}
