namespace TradeNova.Execution.Model;

public static class TradingModes
{
    public const string Paper = "paper";
    public const string Live = "live";
}
