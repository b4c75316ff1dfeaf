namespace TradeNova.Execution.Brokers.Alpaca.Reconciliation;

/// <summary>
/// What to change locally so an order matches Alpaca: a fill to apply (at most one, covering everything missing), a new
/// status, or only a <see cref="Discrepancy"/> to flag where Alpaca and TradeNova disagree in a way no fill can mend.
/// </summary>
public sealed record OrderCorrection(
    string ClientOrderId,
    string? BrokerOrderId,
    string? NewStatus,
    BrokerFill? Fill,
    decimal BrokerFilledQuantity,
    string? Discrepancy = null)
{
    public const string UnknownAtBroker = "unknown_at_broker";
    public const string LocalFillsExceedBroker = "local_fills_exceed_broker";
    public const string FillWithoutPrice = "fill_without_price";
    public const string FinalStatusDiffers = "final_status_differs";
}
