using MassTransit;
using TradeNova.Contracts.Identity;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.Backtest.IntegrationEvents.EventHandling;

/// <summary>Every new user gets the default backtest quota.</summary>
public sealed class UserRegisteredIntegrationEventHandler(BacktestContext db, TimeProvider time)
    : InboxConsumer<BacktestContext, UserRegistered>(db)
{
    protected override async Task HandleAsync(ConsumeContext<UserRegistered> context, CancellationToken cancellationToken)
    {
        using var activity = BacktestTelemetry.ActivitySource.StartActivity("create backtest quota");
        activity?.SetTag("tradenova.user_id", context.Message.UserId);
        var userId = context.Message.UserId;
        if (await Db.Quotas.AnyAsync(q => q.UserId == userId, cancellationToken))
        {
            return;
        }

        Db.Quotas.Add(BacktestQuota.ForNewUser(userId, time.GetUtcNow()));
    }
}
