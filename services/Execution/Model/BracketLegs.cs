namespace TradeNova.Execution.Model;

/// <summary>The two children of a bracket (one cancels the other). Stop-loss is a stop order, take-profit a limit.</summary>
public static class BracketLegs
{
    public const string StopLoss = "stop_loss";
    public const string TakeProfit = "take_profit";
}
