using TradeNova.Execution.Brokers.Alpaca.Dto;
using TradeNova.Execution.Brokers.Alpaca.Streaming;

namespace TradeNova.Execution.Brokers.Alpaca.Reconciliation;

/// <summary>
/// The one rule for bringing a local order in line with Alpaca, whether the news came on the stream or from a REST
/// lookup after a reconnect. Alpaca's cumulative <c>filled_qty</c> is the high-water mark: only what exceeds the local
/// filled quantity is applied, so an event seen twice, or seen on the stream and again over REST, is applied once, and a
/// fill missed while disconnected is applied on the next look. Pure: no I/O, no clock.
/// </summary>
public static class AlpacaReconciliation
{
    /// <summary>Price precision at rest (numeric(20,6)).</summary>
    private const int PriceDecimals = 6;

    /// <summary>The correction that makes <paramref name="local"/> match <paramref name="broker"/>, or null when they agree.</summary>
    /// <param name="execution">The stream event that carried <paramref name="broker"/>, if any: its own price and quantity are exact.</param>
    public static OrderCorrection? Reconcile(LocalOrderState local, AlpacaOrder broker, AlpacaTradeUpdate? execution = null)
    {
        var brokerFilled = broker.FilledQty ?? 0m;
        var missing = brokerFilled - local.FilledQuantity;
        string? discrepancy = null;
        BrokerFill? fill = null;

        if (missing > 0)
        {
            var price = FillPrice(local, broker, execution, missing);
            if (price is null)
            {
                discrepancy = OrderCorrection.FillWithoutPrice;
            }
            else
            {
                fill = new BrokerFill(missing, price.Value, execution?.Timestamp ?? broker.FilledAt ?? broker.UpdatedAt, execution?.ExecutionId);
            }
        }
        else if (missing < 0)
        {
            discrepancy = OrderCorrection.LocalFillsExceedBroker;
        }

        // A fill that cannot be priced is not applied, so neither is a status that would claim it.
        var newStatus = missing > 0 && fill is null
            ? null
            : NextStatus(local.Status, AlpacaOrderStatusMap.ToLocal(broker.Status, Math.Max(brokerFilled, local.FilledQuantity)), fill is not null);
        if (newStatus is null && OrderStatuses.IsFinal(local.Status)
            && AlpacaOrderStatusMap.ToLocal(broker.Status, brokerFilled) is { } brokerFinal
            && OrderStatuses.IsFinal(brokerFinal) && brokerFinal != local.Status)
        {
            discrepancy ??= OrderCorrection.FinalStatusDiffers;
        }

        var brokerIdIsNew = local.BrokerOrderId != broker.Id;
        if (fill is null && newStatus is null && discrepancy is null && !brokerIdIsNew)
        {
            return null;
        }

        return new OrderCorrection(local.ClientOrderId, broker.Id, newStatus, fill, brokerFilled, discrepancy);
    }

    /// <summary>Alpaca does not know an order TradeNova believes it sent: the submission never arrived.</summary>
    public static OrderCorrection UnknownAtBroker(LocalOrderState local) =>
        new(local.ClientOrderId, local.BrokerOrderId, null, null, 0m, OrderCorrection.UnknownAtBroker);

    private static decimal? FillPrice(LocalOrderState local, AlpacaOrder broker, AlpacaTradeUpdate? execution, decimal missing)
    {
        if (execution is { Price: { } price, Qty: { } quantity } && quantity == missing)
        {
            return price;
        }

        if (broker.FilledAvgPrice is not { } average)
        {
            return null;
        }

        // Everything Alpaca filled is worth filled_qty × filled_avg_price; what is missing is that less what is recorded.
        return Math.Round(((broker.FilledQty ?? 0m) * average - local.FilledValue) / missing, PriceDecimals, MidpointRounding.ToEven);
    }

    /// <summary>The status to move to, or null to stay: never backwards, never out of a final status.</summary>
    private static string? NextStatus(string current, string? target, bool filling)
    {
        if (target is null || OrderStatuses.IsFinal(current))
        {
            return null;
        }

        if (target == current)
        {
            // partially_filled → partially_filled is a transition of its own when more was filled.
            return filling && current == OrderStatuses.PartiallyFilled ? current : null;
        }

        return AlpacaOrderStatusMap.Rank(target) >= AlpacaOrderStatusMap.Rank(current) ? target : null;
    }
}
