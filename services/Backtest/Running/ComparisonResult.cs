namespace TradeNova.Backtest.Running;

/// <summary>The stored payload of a comparison: the side-by-side figures and the first strategy's full run (its
/// trades and price chart).</summary>
public sealed record ComparisonResult(ComparisonOutput Comparison, RunOutput FirstRun);
