namespace TradeNova.Contracts.Execution;

/// <summary>
/// An order (or part of it) was filled. <paramref name="Side"/> is <c>buy</c> or <c>sell</c>;
/// <paramref name="Mode"/> is <c>paper</c> or <c>live</c> (which of the user's portfolios it belongs to).
/// Quantities and prices are exchange precision. <paramref name="FillId"/> is unique per fill: consumers apply a
/// fill once by it. <paramref name="StrategyId"/> is set when a running strategy sent the order
/// (the run's id, as <paramref name="StrategyRunId"/>, which names it for what it is: one run of a strategy).
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
    Guid? StrategyRunId = null);
