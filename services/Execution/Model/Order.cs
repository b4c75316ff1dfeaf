namespace TradeNova.Execution.Model;

/// <summary>
/// One order of one user. Written (status <c>pending_risk</c>, unique <see cref="ClientOrderId"/>) in the same
/// transaction as its first event and outbox row, before Risk or any broker hears of it; every change afterwards goes
/// through <see cref="TransitionTo"/>.
/// </summary>
public sealed class Order
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    /// <summary>The id the broker knows the order by; a broker dedupes a resubmission after a crash by it.</summary>
    public required string ClientOrderId { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>SHA-256 of the normalized request, to tell a retry (same body) from a reuse of the key (409).</summary>
    public string? RequestHash { get; init; }

    public required string Symbol { get; init; }

    public required string Side { get; init; }

    public required string Type { get; init; }

    public required string TimeInForce { get; init; }

    /// <summary>Shares; null for a notional order until its first fill resolves it at the fill price.</summary>
    public decimal? Quantity { get; set; }

    /// <summary>Dollars, for notional market orders.</summary>
    public decimal? Notional { get; init; }

    public decimal? LimitPrice { get; set; }

    public decimal? StopPrice { get; set; }

    /// <summary>Bracket legs the user asked for.</summary>
    public decimal? RequestedStopLoss { get; init; }

    public decimal? RequestedTakeProfit { get; init; }

    /// <summary>Bracket legs Risk approved (its answer carries the user's defaults when the order set none).</summary>
    public decimal? StopLossPrice { get; set; }

    public decimal? TakeProfitPrice { get; set; }

    public decimal FilledQuantity { get; set; }

    /// <summary>Σ quantity × price of the fills, for the average fill price.</summary>
    public decimal FilledValue { get; set; }

    public decimal Fees { get; set; }

    public int FillCount { get; set; }

    public required string Status { get; set; }

    public string? Reason { get; set; }

    public List<string> ReasonCodes { get; set; } = [];

    /// <summary>A stop or stop-limit whose stop price has been reached (a stop-limit now rests as a limit).</summary>
    public bool StopTriggered { get; set; }

    /// <summary>For bracket legs: the opening order they protect.</summary>
    public Guid? ParentOrderId { get; init; }

    /// <summary>For bracket legs: <see cref="BracketLegs"/>.</summary>
    public string? BracketLeg { get; init; }

    public Guid? ReplacesOrderId { get; init; }

    public Guid? ReplacedByOrderId { get; set; }

    public required string Mode { get; init; }

    /// <summary>The strategy run that sent the order (its bracket legs inherit it), for per-strategy P&amp;L.</summary>
    public Guid? StrategyRunId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>When the broker acknowledged the order; null for an accepted order a crash kept from the broker.</summary>
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>Day orders: the session end; null for gtc.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>When the last pre-trade check was asked; the recovery sweep resumes checks older than the timeout.</summary>
    public DateTimeOffset? RiskRequestedAt { get; set; }

    /// <summary>The first answer to the placing request, replayed byte for byte for a retry with the same key.</summary>
    public int? ResponseStatus { get; set; }

    public string? ResponseBody { get; set; }

    public decimal? AverageFillPrice => FilledQuantity > 0m ? Math.Round(FilledValue / FilledQuantity, 6) : null;

    public decimal? RemainingQuantity => Quantity is { } quantity ? quantity - FilledQuantity : null;

    /// <summary>Moves the order to <paramref name="status"/> and returns the event row to add.</summary>
    /// <exception cref="InvalidOperationException">The state machine does not allow the move.</exception>
    public OrderEvent TransitionTo(string status, DateTimeOffset at, string? reason = null)
    {
        if (!OrderStatuses.CanTransition(Status, status))
        {
            throw new InvalidOperationException($"Order {Id} cannot go from {Status} to {status}.");
        }

        var from = Status;
        Status = status;
        UpdatedAt = at;
        if (reason is not null)
        {
            Reason = reason;
        }

        return new OrderEvent
        {
            OrderId = Id,
            FromStatus = from,
            ToStatus = status,
            At = at,
            Reason = reason,
            FilledQuantity = FilledQuantity,
        };
    }
}
