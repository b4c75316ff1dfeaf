namespace TradeNova.Execution.Orders;

/// <summary>
/// What placing (or retrying) an order came to: a stored response to send as it is (<see cref="Body"/> with
/// <see cref="Status"/>), the order as it stands now (a retry that raced the first attempt), or a key conflict.
/// </summary>
public sealed record PlacementOutcome(Guid? OrderId, int Status, string? Body, Order? Current, bool Replayed, bool KeyConflict)
{
    public static PlacementOutcome Stored(Order order, bool replayed) =>
        new(order.Id, order.ResponseStatus!.Value, order.ResponseBody, null, replayed, false);

    public static PlacementOutcome AsItStands(Order order) => new(order.Id, StatusCodes.Status200OK, null, order, true, false);

    public static readonly PlacementOutcome Conflict = new(null, StatusCodes.Status409Conflict, null, null, false, true);

    /// <summary>A live order of a user without a broker connection: refused before anything is stored.</summary>
    public static readonly PlacementOutcome BrokerNotConnected = new(null, StatusCodes.Status422UnprocessableEntity, null, null, false, false);
}
