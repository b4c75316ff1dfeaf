namespace TradeNova.Contracts.Execution;

/// <summary>
/// An order (or part of it) was filled. <paramref name="Side"/> is <c>buy</c> or <c>sell</c>;
/// <paramref name="Mode"/> is <c>paper</c> or <c>live</c>. Quantities and prices are exchange precision.
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
    DateTimeOffset FilledAt);
