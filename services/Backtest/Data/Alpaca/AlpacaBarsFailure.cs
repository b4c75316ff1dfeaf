namespace TradeNova.Backtest.Data.Alpaca;

/// <summary>Why Alpaca's bars could not be had at submission, as the submission's answer will say it.</summary>
/// <param name="Field">Set for a request problem (400 naming the field); null for the others.</param>
public sealed record AlpacaBarsFailure(int Status, string Type, string Title, string Detail, string? Field = null, string? RetryAfter = null);
