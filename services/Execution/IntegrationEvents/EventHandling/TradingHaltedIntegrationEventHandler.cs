using MassTransit;
using TradeNova.Contracts.Risk;
using TradeNova.Execution.Strategies;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.Execution.IntegrationEvents.EventHandling;

/// <summary>
/// A halted account's strategies stop (the admin kill switch as <c>kill-switch</c>, any other halt as <c>risk-halt</c>)
/// and their pending entries are canceled, in the inbox transaction: Risk would refuse their opening orders anyway, and a
/// strategy resumed silently after a halt is not what the user agreed to. The user starts them again.
/// </summary>
public sealed class TradingHaltedIntegrationEventHandler(ExecutionDbContext db, StrategyRunStopper stopper)
    : InboxConsumer<ExecutionDbContext, TradingHalted>(db)
{
    /// <summary>Live entries are canceled at Alpaca before the transaction locks the runs and their orders.</summary>
    protected override Task BeforeTransactionAsync(ConsumeContext<TradingHalted> context, CancellationToken cancellationToken) =>
        stopper.AskBrokersAsync(context.Message.UserId, null, context.Message.Mode, null, cancellationToken);

    protected override async Task HandleAsync(ConsumeContext<TradingHalted> context, CancellationToken cancellationToken)
    {
        using var activity = ExecutionTelemetry.ActivitySource.StartActivity("stop strategies of halted account");
        activity?.SetTag("tradenova.user_id", context.Message.UserId);
        var halt = context.Message;
        foreach (var run in await stopper.LockRunningAsync(halt.UserId, halt.Mode, cancellationToken))
        {
            await stopper.StopAsync(run, StopReasons.ForHalt(halt.Code), $"{halt.Code}: {halt.Reason}", cancelOrders: true, cancellationToken);
        }
    }
}
