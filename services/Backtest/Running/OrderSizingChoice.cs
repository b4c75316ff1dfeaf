namespace TradeNova.Backtest.Running;

public enum OrderSizingMode
{
    Strategy,
    AllCash,
    PercentOfEquity,
    FixedShares,
    FixedDollars,
}

/// <summary>The validated sizing of a request.</summary>
public readonly record struct OrderSizingChoice(OrderSizingMode Mode, decimal Value)
{
    public static OrderSizingChoice StrategyDefault => new(OrderSizingMode.Strategy, 0m);

    public static bool TryParseMode(string? text, out OrderSizingMode mode)
    {
        (var ok, mode) = (text ?? "strategy") switch
        {
            "strategy" => (true, OrderSizingMode.Strategy),
            "all-cash" => (true, OrderSizingMode.AllCash),
            "percent-of-equity" => (true, OrderSizingMode.PercentOfEquity),
            "fixed-shares" => (true, OrderSizingMode.FixedShares),
            "fixed-dollars" => (true, OrderSizingMode.FixedDollars),
            _ => (false, OrderSizingMode.Strategy),
        };
        return ok;
    }

    public string Describe() => Mode switch
    {
        OrderSizingMode.AllCash => "all cash per entry",
        OrderSizingMode.PercentOfEquity => $"{Value * 100:0.##}% of equity per entry",
        OrderSizingMode.FixedShares => $"{Value} shares per entry",
        OrderSizingMode.FixedDollars => $"${Value:#,0.##} per entry (shares at the signal close)",
        _ => "the strategy's own sizing",
    };
}
