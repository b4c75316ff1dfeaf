namespace TradeNova.Execution.Brokers.Alpaca.Dto;

/// <summary>A stop-loss leg: a stop, or a stop-limit when <see cref="LimitPrice"/> is set.</summary>
public sealed record AlpacaStopLoss(decimal StopPrice, decimal? LimitPrice = null);
