namespace TradeNova.Trading.Indicators;

/// <summary>Which field of a bar a one-input indicator reads when it is fed bars.</summary>
public enum PriceSource
{
    Close,
    Open,
    High,
    Low,
    Volume,
}
