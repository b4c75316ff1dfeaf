namespace TradeNova.Backtest.Model;

/// <summary>Daily bars a user uploaded as CSV for one symbol; used instead of the bundled or synthetic data for that
/// symbol in the user's own backtests, never in anyone else's.</summary>
public sealed class UserDataSet
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public required string Symbol { get; init; }

    public required string FileName { get; set; }

    /// <summary>The file as uploaded; it passed the importer, which runs again when a backtest loads it.</summary>
    public required string Csv { get; set; }

    public int BarCount { get; set; }

    public DateTimeOffset FirstBar { get; set; }

    public DateTimeOffset LastBar { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}
