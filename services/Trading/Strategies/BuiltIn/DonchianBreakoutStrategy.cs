using TradeNova.Trading.Indicators;

namespace TradeNova.Trading.Strategies.BuiltIn;

/// <summary>Long-only Donchian channel breakout: buy with all the cash when the close is above the highest high of the
/// previous <see cref="DonchianBreakoutParameters.EntryPeriod"/> bars; sell everything when it is below the lowest low
/// of the previous <see cref="DonchianBreakoutParameters.ExitPeriod"/> bars. The channels exclude the current bar
/// (otherwise a close could never exceed a high that includes its own bar), so they are read before being updated.</summary>
public sealed class DonchianBreakoutStrategy : IStrategy
{
    private readonly string _symbol;
    private readonly RollingHighest _entryChannel;
    private readonly RollingLowest _exitChannel;

    public DonchianBreakoutStrategy(DonchianBreakoutParameters parameters)
    {
        StrategyParameterException.ThrowIfInvalid(parameters);
        Parameters = parameters;
        _symbol = parameters.Symbol;
        _entryChannel = new RollingHighest(parameters.EntryPeriod, PriceSource.High);
        _exitChannel = new RollingLowest(parameters.ExitPeriod, PriceSource.Low);
        Symbols = [parameters.Symbol];
    }

    public DonchianBreakoutParameters Parameters { get; }

    public IReadOnlyList<string> Symbols { get; }

    public void OnBar(IStrategyContext context)
    {
        if (!context.TryGetBar(_symbol, out var bar))
            return;

        var close = (double)bar.Close;
        if (_entryChannel.IsReady && close > _entryChannel.Value)
            LongOnlyOrders.Enter(context, _symbol, "donchian-breakout");
        else if (_exitChannel.IsReady && close < _exitChannel.Value)
            LongOnlyOrders.Exit(context, _symbol, "donchian-breakdown");

        _entryChannel.Update(bar);
        _exitChannel.Update(bar);
    }
}
