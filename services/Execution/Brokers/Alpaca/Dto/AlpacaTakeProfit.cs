namespace TradeNova.Execution.Brokers.Alpaca.Dto;

public sealed record AlpacaTakeProfit(decimal LimitPrice);
