using MassTransit;
using TradeNova.Contracts.Identity;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.Execution.IntegrationEvents.EventHandling;

/// <summary>Every new user trades on paper until they connect a broker.</summary>
public sealed class UserRegisteredIntegrationEventHandler(ExecutionDbContext db, TimeProvider time)
    : InboxConsumer<ExecutionDbContext, UserRegistered>(db)
{
    protected override async Task HandleAsync(ConsumeContext<UserRegistered> context, CancellationToken cancellationToken)
    {
        using var activity = ExecutionTelemetry.ActivitySource.StartActivity("open trading account");
        activity?.SetTag("tradenova.user_id", context.Message.UserId);
        var userId = context.Message.UserId;
        if (await Db.TradingAccounts.AnyAsync(a => a.UserId == userId, cancellationToken))
        {
            return;
        }

        Db.TradingAccounts.Add(new TradingAccount { UserId = userId, Mode = TradingModes.Paper, CreatedAt = time.GetUtcNow() });
    }
}
