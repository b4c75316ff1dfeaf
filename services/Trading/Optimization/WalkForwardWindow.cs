namespace TradeNova.Trading.Optimization;

/// <summary>One step of a walk-forward analysis: optimise on the in-sample bars, then test the winner on the
/// out-of-sample bars that follow. Times are the first and last bar time of each part (inclusive); the out-of-sample
/// part of a window starts right after its in-sample part and after the previous window's out-of-sample part ends.</summary>
public sealed record WalkForwardWindow(
    int Number,
    DateTimeOffset InSampleStart,
    DateTimeOffset InSampleEnd,
    DateTimeOffset OutOfSampleStart,
    DateTimeOffset OutOfSampleEnd);
