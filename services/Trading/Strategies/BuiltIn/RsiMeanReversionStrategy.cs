using TradeNova.Trading.Indicators;

namespace TradeNova.Trading.Strategies.BuiltIn;

/// <summary>Long-only RSI mean reversion: buy with all the cash when RSI(period) of the close is below
/// <see cref="RsiMeanReversionParameters.Oversold"/> and flat; sell everything when it rises above
/// <see cref="RsiMeanReversionParameters.Overbought"/>. Levels, not crosses, so an entry missed while an order was
/// pending is taken on the next oversold bar.</summary>
public sealed class RsiMeanReversionStrategy : IStrategy
{
    private readonly string _symbol;
    private readonly RelativeStrengthIndex _rsi;

    public RsiMeanReversionStrategy(RsiMeanReversionParameters parameters)
    {
        StrategyParameterException.ThrowIfInvalid(parameters);
        Parameters = parameters;
        _symbol = parameters.Symbol;
        _rsi = new RelativeStrengthIndex(parameters.Period);
        Symbols = [parameters.Symbol];
    }

    public RsiMeanReversionParameters Parameters { get; }

    public IReadOnlyList<string> Symbols { get; }

    public void OnBar(IStrategyContext context)
    {
        if (!context.TryGetBar(_symbol, out var bar))
            return;
        _rsi.Update(bar);
        if (!_rsi.IsReady)
            return;

        if (_rsi.Value < Parameters.Oversold)
            LongOnlyOrders.Enter(context, _symbol, "rsi-oversold");
        else if (_rsi.Value > Parameters.Overbought)
            LongOnlyOrders.Exit(context, _symbol, "rsi-overbought");
    }
}
