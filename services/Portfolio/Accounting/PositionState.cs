namespace TradeNova.Portfolio.Accounting;

/// <summary>A position as the accounting sees it: signed quantity and average cost per share (fees excluded).</summary>
public readonly record struct PositionState(decimal Quantity, decimal AverageCost)
{
    public static PositionState Flat => new(0m, 0m);
}
