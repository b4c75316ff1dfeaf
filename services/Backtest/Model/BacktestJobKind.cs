namespace TradeNova.Backtest.Model;

public static class BacktestJobKind
{
    public const string Backtest = "backtest";
    public const string Comparison = "comparison";
    public const string Optimization = "optimization";
}
