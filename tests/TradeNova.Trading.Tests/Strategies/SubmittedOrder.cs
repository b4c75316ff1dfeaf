using TradeNova.Trading.Orders;

namespace TradeNova.Trading.Tests.StrategyTests;

/// <summary>An order a strategy submitted, with the index of the time step (bar) at whose close it did so.</summary>
internal sealed record SubmittedOrder(int Step, OrderRequest Order)
{
    public override string ToString() => $"{Step}:{Order.Side}:{Order.Symbol}:{Order.Sizing.Mode}";
}
