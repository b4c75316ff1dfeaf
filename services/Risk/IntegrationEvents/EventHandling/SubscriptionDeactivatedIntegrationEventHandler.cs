using MassTransit;
using TradeNova.Contracts.Billing;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.Risk.IntegrationEvents.EventHandling;

/// <summary>Entitlement from Billing; applied by timestamp so an older status arriving late cannot win.</summary>
public sealed class SubscriptionDeactivatedIntegrationEventHandler(RiskContext db) : InboxConsumer<RiskContext, SubscriptionDeactivated>(db)
{
    protected override async Task HandleAsync(ConsumeContext<SubscriptionDeactivated> context, CancellationToken cancellationToken)
    {
        var deactivated = context.Message;
        var account = await Db.LockAccountAsync(deactivated.UserId, cancellationToken);
        if (account.SubscriptionChangedAt is { } applied && deactivated.DeactivatedAt < applied)
        {
            return;
        }

        account.SubscriptionStatus = deactivated.Status;
        account.SubscriptionChangedAt = deactivated.DeactivatedAt;
    }
}
