using TradeNova.Trading.Orders;

namespace TradeNova.Execution.Strategies;

/// <summary>
/// Turns a strategy's <see cref="OrderRequest"/> into the whole-share order a run sends. The backtest engine resolves
/// cash and equity sizes at the fill; a live order needs its quantity when it is sent, so they are resolved at the
/// signal bar's close against the run's own cash and equity (fixed shares and exits need no price at all). Bracket
/// fractions become prices around the same close.
/// </summary>
public static class SignalResolution
{
    public sealed record ResolvedOrder(string Side, string Type, decimal Quantity, decimal? LimitPrice, decimal? StopPrice, decimal? StopLoss, decimal? TakeProfit,
        bool ClosesPosition = false);

    public static ResolvedOrder Resolve(OrderRequest request, decimal close, StepRecord view)
    {
        var position = view.Positions.GetValueOrDefault(request.Symbol);
        var quantity = request.Sizing.Mode switch
        {
            SizingMode.Shares => decimal.Floor(request.Sizing.Value),
            SizingMode.EntirePosition => request.Side == OrderSide.Sell ? Math.Max(position, 0m) : Math.Max(-position, 0m),
            SizingMode.AllCash => Shares(view.Cash, close),
            SizingMode.PercentOfEquity => Math.Min(Shares(request.Sizing.Value * view.Equity, close), Shares(view.Cash, close)),
            _ => 0m,
        };

        var buy = request.Side == OrderSide.Buy;
        decimal? stopLoss = null, takeProfit = null;
        if (request.Bracket is { } bracket && close > 0m)
        {
            stopLoss = bracket.StopLossFraction is { } sl ? Cents(close * (buy ? 1m - sl : 1m + sl)) : null;
            takeProfit = bracket.TakeProfitFraction is { } tp ? Cents(close * (buy ? 1m + tp : 1m - tp)) : null;
        }

        var type = request.Type switch
        {
            OrderType.Limit => OrderTypes.Limit,
            OrderType.Stop => OrderTypes.Stop,
            _ => OrderTypes.Market,
        };
        return new ResolvedOrder(buy ? OrderSides.Buy : OrderSides.Sell, type, Math.Max(quantity, 0m),
            request.LimitPrice, request.StopPrice, stopLoss, takeProfit, request.Sizing.Mode == SizingMode.EntirePosition);
    }

    private static decimal Shares(decimal money, decimal price) => price > 0m && money > 0m ? decimal.Floor(money / price) : 0m;

    private static decimal Cents(decimal price) => Math.Round(price, 2, MidpointRounding.AwayFromZero);
}
