namespace TradeNova.Portfolio.Model;

/// <summary>The performance record: one row per portfolio and UTC day, updated through the day and closed at rollover.</summary>
public sealed class DailyEquitySnapshot
{
    public Guid PortfolioId { get; init; }

    public DateOnly Date { get; init; }

    public decimal OpenEquity { get; set; }

    public decimal HighEquity { get; set; }

    public decimal LowEquity { get; set; }

    public decimal CloseEquity { get; set; }

    public decimal Cash { get; set; }

    public decimal PeakEquity { get; set; }

    /// <summary>Drop of the close from the peak, a positive fraction.</summary>
    public decimal Drawdown { get; set; }

    public bool HadPositions { get; set; }

    public bool Closed { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
