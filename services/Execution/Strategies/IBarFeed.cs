using TradeNova.Trading.Data;

namespace TradeNova.Execution.Strategies;

/// <summary>Where a run's bars come from: the bar of a symbol over [start, start + length), asked once that window has
/// closed; null when the feed has no price for the symbol. Tests give the runner their own bars through it.</summary>
public interface IBarFeed
{
    Bar? BarOf(string symbol, DateTimeOffset start, TimeSpan length);
}
