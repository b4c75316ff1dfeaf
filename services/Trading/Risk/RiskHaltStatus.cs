namespace TradeNova.Trading.Risk;

/// <summary>Which monitor halts are in force. Halts block opening orders only: closing a position is always allowed.</summary>
[Flags]
public enum RiskHaltStatus
{
    None = 0,
    /// <summary>The day's loss reached the daily limit; lifts at the next UTC trading date.</summary>
    DailyLoss = 1,
    /// <summary>The drop from peak equity reached the drawdown limit; lifts only on an explicit reset.</summary>
    Drawdown = 2,
}
