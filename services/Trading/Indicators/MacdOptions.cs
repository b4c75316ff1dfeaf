namespace TradeNova.Trading.Indicators;

/// <summary>MACD settings. The defaults are the classic 12/26/9 with exponential averages, which is also what
/// <c>technicalindicators</c> computes when its <c>SimpleMAOscillator</c> / <c>SimpleMASignal</c> flags are false or
/// absent; setting <see cref="OscillatorAverage"/> / <see cref="SignalAverage"/> to
/// <see cref="MovingAverageKind.Simple"/> corresponds to setting those flags.</summary>
public sealed record MacdOptions(
    int FastPeriod = 12,
    int SlowPeriod = 26,
    int SignalPeriod = 9,
    MovingAverageKind OscillatorAverage = MovingAverageKind.Exponential,
    MovingAverageKind SignalAverage = MovingAverageKind.Exponential);
