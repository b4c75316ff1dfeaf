using TradeNova.Execution.Strategies.LiveBars;

namespace TradeNova.Execution.Strategies;

/// <summary>A run's bar source by its account: live runs take the user's Alpaca market data, paper runs the platform's feed.</summary>
public sealed class BarSources(SimulatedBarSource simulated, AlpacaBarSource alpaca)
{
    public IRunBarSource For(string account) => account == TradingModes.Live ? alpaca : simulated;
}
