using MassTransit;
using Microsoft.Extensions.Options;
using TradeNova.Contracts.Risk;
using TradeNova.Execution.Market;

namespace TradeNova.Execution.Orders;

/// <summary>
/// The pre-trade check: CheckOrderRisk as a MassTransit request with a timeout. No answer in time, a fault, or no bus
/// at all is <see cref="RiskAnswer.Unavailable"/>: an order is never approved by default.
/// </summary>
public sealed partial class RiskGate(
    IRequestClient<CheckOrderRisk> client,
    PriceSimulator prices,
    IOptions<ExecutionOptions> options,
    TimeProvider time,
    ILogger<RiskGate> logger)
{
    public async Task<RiskAnswer> CheckAsync(Order order, CancellationToken cancellationToken)
    {
        using var activity = ExecutionTelemetry.ActivitySource.StartActivity("pre-trade risk check");
        activity?.SetTag("tradenova.order_id", order.Id);
        var reference = ReferencePrice(order);
        var quantity = order.Quantity ?? Math.Round(order.Notional!.Value / reference, 6, MidpointRounding.ToZero);
        var request = new CheckOrderRisk(
            order.UserId, order.Id, order.Symbol, order.Side, order.Type, quantity, reference, order.LimitPrice,
            order.RequestedStopLoss, order.RequestedTakeProfit, order.Mode, time.GetUtcNow());
        var timeout = options.Value.RiskTimeout;
        // Belt and braces: MassTransit's timer starts once the request is sent, so a send stuck on a broker that is not
        // ready would otherwise wait forever. Nothing waits longer than the timeout plus a second.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout + TimeSpan.FromSeconds(1));
        try
        {
            // Transient: an answer is only wanted within the timeout, so RabbitMQ need not write the request to disk (a
            // broker restart loses it, and the timeout rejects the order).
            var response = await client.GetResponse<OrderRiskChecked>(
                request, pipe => pipe.UseExecute(send => send.Durable = false), deadline.Token,
                RequestTimeout.After(ms: (int)timeout.TotalMilliseconds));
            return RiskAnswer.From(response.Message);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogRiskUnavailable(ex, order.Id);
            return RiskAnswer.Unavailable;
        }
    }

    /// <summary>Risk sizes the order at the limit price, the stop price, or the market's last price.</summary>
    private decimal ReferencePrice(Order order) =>
        order.LimitPrice ?? order.StopPrice
        ?? (SymbolUniverse.TryGetIndex(order.Symbol, out var index) ? prices.PriceAt(index, time.GetUtcNow()) : 0m);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Risk did not answer for order {OrderId}; rejecting it")]
    private partial void LogRiskUnavailable(Exception exception, Guid orderId);
}
