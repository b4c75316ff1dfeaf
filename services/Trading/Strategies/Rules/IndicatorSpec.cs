using TradeNova.Trading.Indicators;

namespace TradeNova.Trading.Strategies.Rules;

/// <summary>An indicator with all its settings resolved (defaults filled in). Being a record, equal specs compare
/// equal, so every reference to e.g. SMA(20) of the close shares one instance per symbol. Fields a kind does not use
/// are 0.</summary>
public sealed record IndicatorSpec(
    string Kind,
    int Period,
    PriceSource Source,
    int FastPeriod = 0,
    int SlowPeriod = 0,
    int SignalPeriod = 0,
    double Multiplier = 0);
