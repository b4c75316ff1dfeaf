using TradeNova.Trading.Indicators;

namespace TradeNova.Trading.Strategies.BuiltIn;

/// <summary>Long-only Bollinger mean reversion: buy with all the cash when the close is below the lower band and flat;
/// sell everything once the close is back at or above the middle band (the mean the trade bets on).</summary>
public sealed class BollingerMeanReversionStrategy : IStrategy
{
    private readonly string _symbol;
    private readonly BollingerBands _bands;

    public BollingerMeanReversionStrategy(BollingerMeanReversionParameters parameters)
    {
        StrategyParameterException.ThrowIfInvalid(parameters);
        Parameters = parameters;
        _symbol = parameters.Symbol;
        _bands = new BollingerBands(parameters.Period, parameters.Multiplier);
        Symbols = [parameters.Symbol];
    }

    public BollingerMeanReversionParameters Parameters { get; }

    public IReadOnlyList<string> Symbols { get; }

    public void OnBar(IStrategyContext context)
    {
        if (!context.TryGetBar(_symbol, out var bar))
            return;
        _bands.Update(bar);
        if (!_bands.IsReady)
            return;

        var close = (double)bar.Close;
        if (close < _bands.Lower)
            LongOnlyOrders.Enter(context, _symbol, "bollinger-below-lower");
        else if (close >= _bands.Middle)
            LongOnlyOrders.Exit(context, _symbol, "bollinger-back-to-middle");
    }
}
