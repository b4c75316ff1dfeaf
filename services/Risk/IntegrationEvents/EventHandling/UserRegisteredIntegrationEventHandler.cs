using MassTransit;
using TradeNova.Contracts.Identity;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.Risk.IntegrationEvents.EventHandling;

/// <summary>Every new user gets a risk profile at the platform defaults.</summary>
public sealed class UserRegisteredIntegrationEventHandler(RiskContext db, TimeProvider time)
    : InboxConsumer<RiskContext, UserRegistered>(db)
{
    protected override async Task HandleAsync(ConsumeContext<UserRegistered> context, CancellationToken cancellationToken)
    {
        using var activity = RiskTelemetry.ActivitySource.StartActivity("create risk profile");
        activity?.SetTag("tradenova.user_id", context.Message.UserId);
        var userId = context.Message.UserId;
        if (await Db.RiskProfiles.AnyAsync(p => p.UserId == userId, cancellationToken))
        {
            return;
        }

        Db.RiskProfiles.Add(RiskProfile.WithPlatformDefaults(userId, time.GetUtcNow()));
    }
}
