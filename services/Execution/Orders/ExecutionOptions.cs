namespace TradeNova.Execution.Orders;

/// <summary>Bound from <c>TradeNova:Execution</c>.</summary>
public sealed class ExecutionOptions
{
    /// <summary>How long an order waits for Risk's answer before it is rejected with <c>risk.unavailable</c>.</summary>
    public TimeSpan RiskTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the recovery sweep looks for orders a crash left between steps.</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A pending_risk order older than this when the sweep finds it is rejected instead of re-checked: nobody wants a
    /// market order from an hour ago to fill after an outage.
    /// </summary>
    public TimeSpan MaxPendingRiskAge { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Order placements that run at once on this instance (<see cref="OrderAdmission"/>).</summary>
    public int MaxOrdersInFlight { get; set; } = 16;

    /// <summary>Placements that wait for one of those slots; beyond them a placement is refused with 503.</summary>
    public int MaxOrdersQueued { get; set; } = 32;
}
