namespace TradeNova.Execution.Brokers.Alpaca;

public static class AlpacaEnvironments
{
    public const string Paper = "paper";
    public const string Live = "live";

    public static readonly IReadOnlyList<string> All = [Paper, Live];
}
