using TradeNova.Trading.Orders;

namespace TradeNova.Trading.Risk;

/// <summary>An order as the pre-trade check sees it: quantity already estimated (orders sized at the fill are
/// estimated at <paramref name="ReferencePrice"/>, normally the latest close).</summary>
/// <param name="Quantity">Estimated shares, positive.</param>
/// <param name="CurrentPosition">Signed position in the symbol before the order.</param>
public readonly record struct ProposedOrder(
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    decimal ReferencePrice,
    decimal CurrentPosition)
{
    /// <summary>Signed position after the order fills.</summary>
    public decimal ResultingPosition => Side == OrderSide.Buy ? CurrentPosition + Quantity : CurrentPosition - Quantity;

    /// <summary>An order is opening when it makes the absolute position larger or flips its sign; reducing or closing
    /// a position is never opening, which is why halts never trap a user in a position.</summary>
    public bool IsOpening => Math.Abs(ResultingPosition) > Math.Abs(CurrentPosition)
        || (CurrentPosition != 0m && Math.Sign(ResultingPosition) == -Math.Sign(CurrentPosition));
}
