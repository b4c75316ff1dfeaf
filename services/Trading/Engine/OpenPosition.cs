namespace TradeNova.Trading.Engine;

/// <summary>A position still held at the end of the backtest, valued at the last close of its symbol. It is part of
/// the final equity but not of the closed trades.</summary>
/// <param name="AverageEntryPrice">Quantity-weighted entry price of the lots still open.</param>
public sealed record OpenPosition(string Symbol, decimal Quantity, decimal AverageEntryPrice, decimal LastPrice)
{
    public decimal MarketValue => Quantity * LastPrice;
}
