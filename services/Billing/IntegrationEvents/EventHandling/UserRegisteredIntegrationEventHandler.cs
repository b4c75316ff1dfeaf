using MassTransit;
using TradeNova.Contracts.Identity;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.Billing.IntegrationEvents.EventHandling;

/// <summary>Every new user starts as a trialing customer.</summary>
public sealed class UserRegisteredIntegrationEventHandler(BillingContext db, TimeProvider time)
    : InboxConsumer<BillingContext, UserRegistered>(db)
{
    protected override async Task HandleAsync(ConsumeContext<UserRegistered> context, CancellationToken cancellationToken)
    {
        using var activity = BillingTelemetry.ActivitySource.StartActivity("create customer");
        activity?.SetTag("tradenova.user_id", context.Message.UserId);
        var message = context.Message;
        if (await Db.Customers.AnyAsync(c => c.UserId == message.UserId, cancellationToken))
        {
            return;
        }

        Db.Customers.Add(new Customer
        {
            UserId = message.UserId,
            Email = message.Email,
            Status = CustomerStatuses.Trialing,
            CreatedAt = time.GetUtcNow(),
        });
    }
}
