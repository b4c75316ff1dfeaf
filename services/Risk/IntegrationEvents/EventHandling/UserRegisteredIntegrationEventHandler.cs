using MassTransit;
using TradeNova.Contracts.Identity;
using TradeNova.ServiceDefaults.Auth;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.Risk.IntegrationEvents.EventHandling;

/// <summary>Every new user gets a risk profile at the platform defaults (limit version 1 in the history).</summary>
public sealed class UserRegisteredIntegrationEventHandler(RiskContext db, TimeProvider time)
    : InboxConsumer<RiskContext, UserRegistered>(db)
{
    protected override async Task HandleAsync(ConsumeContext<UserRegistered> context, CancellationToken cancellationToken)
    {
        using var activity = RiskTelemetry.ActivitySource.StartActivity("create risk profile");
        activity?.SetTag("tradenova.user_id", context.Message.UserId);
        var userId = context.Message.UserId;
        var account = await Db.LockAccountAsync(userId, cancellationToken);
        account.RegisteredAt ??= context.Message.RegisteredAt;
        if (await Db.RiskProfiles.AnyAsync(p => p.UserId == userId, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        var profile = RiskProfile.WithPlatformDefaults(userId, now);
        Db.RiskProfiles.Add(profile);
        Db.LimitVersions.Add(profile.ToVersion(null, "system", now, "platform defaults"));
    }
}
