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
/// (<c>subscription-lapsed</c>). New orders are refused by the token's <c>sub_status</c>.
/// </summary>
public sealed class SubscriptionDeactivatedIntegrationEventHandler(ExecutionDbContext db, OrderLedger ledger, BrokerRouter brokers, StrategyRunStopper stopper)
    : InboxConsumer<ExecutionDbContext, SubscriptionDeactivated>(db)
{
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
            if (OrderStatuses.Working.Contains(order.Status) && brokers.For(order.Mode) is { } broker)
            {
                await broker.CancelAsync(order, cancellationToken);
            }

            ledger.Transition(order, OrderStatuses.Canceled, $"Subscription {context.Message.Status}: open orders canceled.");
        }
    }
}
