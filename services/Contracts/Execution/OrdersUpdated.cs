namespace TradeNova.Contracts.Execution;

/// <summary>
/// Several of one user's orders changed in one transaction (an opening order filled and the two bracket legs it
/// placed; a leg filled and its sibling canceled): one message instead of one <see cref="OrderUpdated"/> per order, each
/// item exactly what that <see cref="OrderUpdated"/> would have said, in the order the changes were made. A transaction
/// that changes a single order of a user still sends <see cref="OrderUpdated"/>.
/// </summary>
public sealed record OrdersUpdated(Guid UserId, IReadOnlyList<OrderUpdated> Orders);
