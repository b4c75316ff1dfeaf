namespace TradeNova.Trading.Orders;

/// <summary>How the quantity of an order is decided. Sizes other than <see cref="SizingMode.Shares"/> are resolved
/// at the fill, against the fill price, so "all the cash" means all the cash at the price actually paid.</summary>
public readonly record struct OrderSizing(SizingMode Mode, decimal Value)
{
    /// <summary>A fixed quantity of shares (whole unless fractional shares are enabled).</summary>
    public static OrderSizing Shares(decimal quantity) => new(SizingMode.Shares, quantity);

    /// <summary>Shares worth this fraction of equity at the fill (0.10 = 10%).</summary>
    public static OrderSizing PercentOfEquity(decimal fraction) => new(SizingMode.PercentOfEquity, fraction);

    /// <summary>As many shares as the available cash covers at the fill price, costs included.</summary>
    public static OrderSizing AllCash() => new(SizingMode.AllCash, 0m);

    /// <summary>The whole current position (for exits).</summary>
    public static OrderSizing EntirePosition() => new(SizingMode.EntirePosition, 0m);
}

public enum SizingMode
{
    Shares,
    PercentOfEquity,
    AllCash,
    EntirePosition,
}
