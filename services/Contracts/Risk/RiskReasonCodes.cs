namespace TradeNova.Contracts.Risk;

/// <summary>Stable reason codes of the pre-trade check, shown to users and clients (never renamed).</summary>
public static class RiskReasonCodes
{
    public const string Entitlement = "risk.entitlement";
    public const string Halted = "risk.halted";
    public const string MaxPosition = "risk.max_position";
    public const string MaxOpenPositions = "risk.max_open_positions";
    public const string BuyingPower = "risk.buying_power";
    public const string DailyLoss = "risk.daily_loss_halt";
    public const string Drawdown = "risk.drawdown_halt";
    public const string UnknownSymbol = "risk.unknown_symbol";
    public const string PriceCollar = "risk.price_collar";
    public const string OrderRate = "risk.order_rate";
    public const string BracketOutsideLimits = "risk.bracket_outside_limits";
    /// <summary>A sell larger than the long position: the paper account does not sell short.</summary>
    public const string ShortSelling = "risk.short_selling";
    /// <summary>The order itself is malformed (quantity not positive, unknown side); nothing else was checked.</summary>
    public const string InvalidOrder = "risk.invalid_order";
    /// <summary>Risk did not answer in time or failed: the order is refused, never approved.</summary>
    public const string Unavailable = "risk.unavailable";
}
