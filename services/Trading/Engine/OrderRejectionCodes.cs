namespace TradeNova.Trading.Engine;

/// <summary>Stable codes of orders the engine itself rejects (risk rejections use
/// <see cref="Risk.RiskReasonCodes"/>). Never renamed once published.</summary>
public static class OrderRejectionCodes
{
    public const string Invalid = "order.invalid";
    public const string UnknownSymbol = "order.unknown_symbol";
    public const string NoPrice = "order.no_price";
    public const string FractionalNotAllowed = "order.fractional_not_allowed";
    public const string ShortSellingDisabled = "order.short_selling_disabled";
    public const string InsufficientCash = "order.insufficient_cash";
    public const string NothingToClose = "order.nothing_to_close";
}
