using MassTransit;
using TradeNova.Contracts.Identity;
using TradeNova.Risk.Halts;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.Risk.IntegrationEvents.EventHandling;

/// <summary>
/// A suspended account's access tokens stay valid for their short lifetime, so Risk halts the user's trading as an
/// administrator's halt in the suspending admin's name: orders that only reduce or close pass, opening ones are refused.
/// Reinstating the account does not resume trading; an administrator resumes it in Risk.
/// </summary>
public sealed class UserSuspendedIntegrationEventHandler(RiskContext db, HaltCommands halts) : InboxConsumer<RiskContext, UserSuspended>(db)
{
    protected override async Task HandleAsync(ConsumeContext<UserSuspended> context, CancellationToken cancellationToken)
    {
        var suspended = context.Message;
        var account = await Db.LockAccountAsync(suspended.UserId, cancellationToken);
        halts.StageAdminHalt(account, suspended.AdminId, $"Account suspended: {suspended.Reason}");
    }
}
