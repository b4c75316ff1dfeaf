using TradeNova.Trading.Broker;
using TradeNova.Trading.Data;
using TradeNova.Trading.Orders;
using TradingOrderType = TradeNova.Trading.Orders.OrderType;

namespace TradeNova.Execution.Exchange;

/// <summary>
/// The paper exchange's matching rule for one order at one tick, built on the backtester's <see cref="FillRules"/>:
/// each tick is a one-price bar (open = high = low = close = the last price), so a market order fills at the next tick,
/// a limit when the price reaches it (at the tick's price, which is the limit or better), a stop when the price reaches
/// it (at the tick's price: a gap through the stop fills at the gapped price), a stop-limit rests as a limit once its
/// stop is reached. Slippage applies to market and stop fills, never to limits; commission to every fill. A tick offers
/// <see cref="Tick.Size"/> shares, so larger orders fill over several ticks (partially_filled); ioc takes what the first
/// tick offers and cancels the rest, fok fills entirely at the first tick or not at all.
/// </summary>
public static class PaperMatcher
{
    /// <summary>Share step for fractional (market) quantities.</summary>
    public const decimal FractionalIncrement = 0.000001m;

    public static MatchDecision Match(WorkingOrder order, Tick tick, PaperCosts costs)
    {
        var side = order.Side == OrderSides.Buy ? OrderSide.Buy : OrderSide.Sell;
        var bar = new Bar(tick.Time, tick.Price, tick.Price, tick.Price, tick.Price, tick.Size);
        var immediate = order.TimeInForce is TimesInForce.Ioc or TimesInForce.Fok;
        var triggered = order.StopTriggered;
        bool marketable;
        decimal price;
        var slipped = false;

        switch (order.Type)
        {
            case OrderTypes.Market:
                marketable = FillRules.TryTrigger(TradingOrderType.Market, side, 0m, 0m, in bar, out price);
                slipped = true;
                break;
            case OrderTypes.Limit:
                marketable = FillRules.TryTrigger(TradingOrderType.Limit, side, order.LimitPrice!.Value, 0m, in bar, out price);
                break;
            case OrderTypes.Stop:
                // Once triggered (and partly filled) the rest is a market order.
                marketable = triggered
                    ? FillRules.TryTrigger(TradingOrderType.Market, side, 0m, 0m, in bar, out price)
                    : FillRules.TryTrigger(TradingOrderType.Stop, side, 0m, order.StopPrice!.Value, in bar, out price);
                triggered |= marketable;
                slipped = true;
                break;
            case OrderTypes.StopLimit:
                triggered |= FillRules.TryTrigger(TradingOrderType.Stop, side, 0m, order.StopPrice!.Value, in bar, out _);
                price = 0m;
                marketable = triggered && FillRules.TryTrigger(TradingOrderType.Limit, side, order.LimitPrice!.Value, 0m, in bar, out price);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(order), order.Type, "Unknown order type.");
        }

        if (!marketable)
        {
            return immediate
                ? new MatchDecision(triggered, 0m, 0m, 0m, null, true, false, $"{Describe(order.TimeInForce)}: not marketable at {tick.Price}")
                : MatchDecision.Nothing(triggered);
        }

        if (slipped)
        {
            var withSlippage = costs.Slippage.Apply(price, side, in bar);
            price = withSlippage == price ? price : Math.Round(withSlippage, 4, MidpointRounding.AwayFromZero);
        }

        decimal? resolved = null;
        var quantity = order.Quantity;
        if (quantity is null)
        {
            // A notional order becomes shares at its first fill price, in fractional steps.
            quantity = decimal.Floor(order.Notional!.Value / price / FractionalIncrement) * FractionalIncrement;
            if (quantity <= 0m)
            {
                return new MatchDecision(triggered, 0m, 0m, 0m, null, false, true, $"${order.Notional} buys less than {FractionalIncrement} shares at {price}");
            }

            resolved = quantity;
        }

        var remaining = quantity.Value - order.FilledQuantity;
        if (order.TimeInForce == TimesInForce.Fok && tick.Size < remaining)
        {
            return new MatchDecision(triggered, 0m, 0m, 0m, resolved, true, false, $"fill or kill: {tick.Size} of {remaining} shares on offer");
        }

        var fill = Math.Min(remaining, tick.Size);
        var cancelRest = order.TimeInForce == TimesInForce.Ioc && fill < remaining;
        return new MatchDecision(
            triggered,
            fill,
            price,
            costs.Commission.Commission(fill, price),
            resolved,
            cancelRest,
            false,
            cancelRest ? $"immediate or cancel: {remaining - fill} shares unfilled" : null);
    }

    private static string Describe(string timeInForce) => timeInForce == TimesInForce.Fok ? "fill or kill" : "immediate or cancel";
}
