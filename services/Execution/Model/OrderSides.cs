namespace TradeNova.Execution.Model;

public static class OrderSides
{
    public const string Buy = "buy";
    public const string Sell = "sell";

    public static readonly IReadOnlyList<string> All = [Buy, Sell];

    public static string Opposite(string side) => side == Buy ? Sell : Buy;
}
