namespace TradeNova.Trading.Broker;

/// <summary>The leg of a bracket that filled.</summary>
public enum BracketLeg
{
    StopLoss,
    TakeProfit,
}
