namespace TradeNova.Execution.Brokers.Alpaca.Dto;

/// <summary>Alpaca's error body: <c>{"code": 40310000, "message": "insufficient buying power"}</c>.</summary>
public sealed record AlpacaError(long? Code, string? Message);
