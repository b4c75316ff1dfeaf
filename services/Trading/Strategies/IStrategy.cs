namespace TradeNova.Trading.Strategies;

/// <summary>A trading strategy. The engine calls <see cref="OnBar"/> once per time step, after the close of every bar
/// at that time is known; orders submitted then fill no earlier than the next bar. A strategy sees only data up to
/// the current bar.</summary>
public interface IStrategy
{
    /// <summary>The symbols whose bars the strategy needs.</summary>
    IReadOnlyList<string> Symbols { get; }

    void OnBar(IStrategyContext context);
}
