using MassTransit;
using TradeNova.Contracts.Billing;
using TradeNova.Execution.Exchange;
using TradeNova.Execution.Orders;
using TradeNova.Execution.Strategies;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.Execution.IntegrationEvents.EventHandling;

/// <summary>
/// A lapsed subscription may not keep trading: every open order of the user (bracket legs included) is canceled, in the
/// inbox transaction, so a redelivery changes nothing, and every running strategy of the user stops
/// (<c>subscription-lapsed</c>). New orders are refused by the token's <c>sub_status</c>. Live orders are canceled at
/// Alpaca before that transaction (<see cref="BrokerCancels"/>); whatever Alpaca answers, they are canceled here.
/// </summary>
public sealed class SubscriptionDeactivatedIntegrationEventHandler(ExecutionDbContext db, OrderLedger ledger, BrokerCancels brokerCancels, StrategyRunStopper stopper)
    : InboxConsumer<ExecutionDbContext, SubscriptionDeactivated>(db)
{
    protected override async Task BeforeTransactionAsync(ConsumeContext<SubscriptionDeactivated> context, CancellationToken cancellationToken)
    {
        var userId = context.Message.UserId;
        var working = await BrokerCancels.WorkingLive(Db.Orders).Where(o => o.UserId == userId).ToListAsync(cancellationToken);
        await brokerCancels.AskAsync(working, cancellationToken);
    }

    protected override async Task HandleAsync(ConsumeContext<SubscriptionDeactivated> context, CancellationToken cancellationToken)
    {
        using var activity = ExecutionTelemetry.ActivitySource.StartActivity("cancel orders of lapsed subscription");
        activity?.SetTag("tradenova.user_id", context.Message.UserId);
        foreach (var run in await stopper.LockRunningAsync(context.Message.UserId, null, cancellationToken))
        {
            // Its orders are among the open ones canceled below.
            await stopper.StopAsync(run, StopReasons.SubscriptionLapsed, $"Subscription {context.Message.Status}.", cancelOrders: false, cancellationToken);
        }

        var open = await Db.LockOpenOrdersAsync(context.Message.UserId, cancellationToken);
        foreach (var order in open)
        {
            await brokerCancels.CancelAsync(order, cancellationToken);
            ledger.Transition(order, OrderStatuses.Canceled, $"Subscription {context.Message.Status}: open orders canceled.");
        }
    }
}
