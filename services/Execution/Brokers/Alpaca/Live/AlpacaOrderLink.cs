namespace TradeNova.Execution.Brokers.Alpaca.Live;

/// <summary>
/// What Execution knows of a live order's life at Alpaca beyond the order row: Alpaca's own order id, and whether a
/// submission was attempted. The attempt is committed before the POST leaves, so after a crash the submitter knows it
/// must look the order up by client_order_id before it may send anything.
/// </summary>
public sealed class AlpacaOrderLink
{
    public Guid OrderId { get; init; }

    public Guid UserId { get; init; }

    public required string ClientOrderId { get; init; }

    /// <summary>Alpaca's id of the order (needed to cancel it); null until Alpaca has answered or been asked.</summary>
    public string? BrokerOrderId { get; set; }

    /// <summary>Alpaca's id of the take-profit leg it holds for this (bracket or OTO) order; the local leg is matched to it.</summary>
    public string? TakeProfitBrokerOrderId { get; set; }

    /// <summary>Alpaca's id of the stop-loss leg it holds for this (bracket or OTO) order.</summary>
    public string? StopLossBrokerOrderId { get; set; }

    public int SubmissionAttempts { get; set; }

    /// <summary>When the last submission began; while it is younger than the lease no other attempt starts.</summary>
    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>The last disagreement with Alpaca no fill could mend (<see cref="Reconciliation.OrderCorrection"/> codes).</summary>
    public string? Discrepancy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
