namespace TradeNova.Execution.Brokers.Alpaca.Dto;

public sealed record AlpacaClock(DateTimeOffset Timestamp, bool IsOpen, DateTimeOffset NextOpen, DateTimeOffset NextClose);
