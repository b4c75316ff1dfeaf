namespace TradeNova.Contracts.Execution;

/// <summary>
/// An order (or part of it) was filled. <paramref name="Side"/> is <c>buy</c> or <c>sell</c>;
/// <paramref name="Mode"/> is <c>paper</c> or <c>live</c> (which of the user's portfolios it belongs to).
/// Quantities and prices are exchange precision. <paramref name="FillId"/> is unique per fill: consumers apply a
/// fill once by it. <paramref name="StrategyId"/> is set when a running strategy sent the order
/// (the run's id, as <paramref name="StrategyRunId"/>, which names it for what it is: one run of a strategy).
/// <paramref name="OrderUpdates"/> are the user's orders the fill's transaction changed (the filled order first, then the
/// legs it placed or canceled), for the owner's screens: Portfolio pushes them once it has applied the fill. They travel
/// here instead of as a separate <see cref="OrdersUpdated"/>, one message less per fill.
/// </summary>
public sealed record OrderFilled(
    Guid UserId,
    Guid OrderId,
    Guid FillId,
    string Symbol,
    string Side,
    decimal Quantity,
    decimal Price,
    decimal Fee,
    string Mode,
    DateTimeOffset FilledAt,
    string? ClientOrderId = null,
    Guid? StrategyId = null,
    Guid? StrategyRunId = null,
    IReadOnlyList<OrderUpdated>? OrderUpdates = null);
