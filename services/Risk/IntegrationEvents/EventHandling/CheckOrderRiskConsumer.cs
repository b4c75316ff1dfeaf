using MassTransit;
using TradeNova.Contracts.Risk;
using TradeNova.Risk.Checks;

namespace TradeNova.Risk.IntegrationEvents.EventHandling;

/// <summary>Answers Execution's pre-trade check from Risk's own read model. Read-only (apart from the in-memory order
/// counter), so it needs no inbox: a redelivered request is simply answered again.</summary>
public sealed class CheckOrderRiskConsumer(RiskCheckService checks, TimeProvider time) : IConsumer<CheckOrderRisk>
{
    public async Task Consume(ConsumeContext<CheckOrderRisk> context)
    {
        var request = context.Message;
        using var activity = RiskTelemetry.ActivitySource.StartActivity("check order risk");
        activity?.SetTag("tradenova.user_id", request.UserId);
        activity?.SetTag("tradenova.order_id", request.OrderId);

        var account = RiskAccounts.Parse(request.Mode);
        if (account is null)
        {
            await context.RespondAsync(new OrderRiskChecked(
                request.UserId, request.OrderId, false, [new RiskViolation(RiskReasonCodes.InvalidOrder, $"Unknown account '{request.Mode}'; expected paper or live.")],
                null, null, time.GetUtcNow()));
            return;
        }

        activity?.SetTag("tradenova.account", account);
        var assessment = await checks.CheckAsync(
            request.UserId,
            account,
            new OrderRiskInput(request.Symbol, request.Side, request.OrderType, request.Quantity, request.ReferencePrice,
                request.LimitPrice, request.StopLossPrice, request.TakeProfitPrice),
            countAsOrder: true,
            context.CancellationToken);
        activity?.SetTag("tradenova.risk.approved", assessment.Approved);

        await context.RespondAsync(new OrderRiskChecked(
            request.UserId, request.OrderId, assessment.Approved, assessment.Violations,
            assessment.StopLossPrice, assessment.TakeProfitPrice, time.GetUtcNow()));
    }
}
