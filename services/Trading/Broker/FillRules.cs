using TradeNova.Trading.Data;
using TradeNova.Trading.Orders;

namespace TradeNova.Trading.Broker;

/// <summary>When and at what price an order fills inside one bar, before slippage. Only the bar's open, high and low
/// are known, not the path between them, so the rules assume the worst plausible path for the trader: a stop or
/// limit fills at its price when the range reaches it, or at the open when the bar opens beyond it (a gap).</summary>
public static class FillRules
{
    /// <summary>Returns true when an order of <paramref name="type"/> triggers in <paramref name="bar"/>.</summary>
    /// <param name="price">The raw fill price: the open for market orders; the limit or stop price, or the open when
    /// the bar opens beyond it.</param>
    public static bool TryTrigger(OrderType type, OrderSide side, decimal limitPrice, decimal stopPrice, in Bar bar, out decimal price)
    {
        switch (type)
        {
            case OrderType.Market:
                price = bar.Open;
                return true;
            case OrderType.Limit when side == OrderSide.Buy:
                price = Math.Min(bar.Open, limitPrice);
                return bar.Low <= limitPrice;
            case OrderType.Limit:
                price = Math.Max(bar.Open, limitPrice);
                return bar.High >= limitPrice;
            case OrderType.Stop when side == OrderSide.Buy:
                price = Math.Max(bar.Open, stopPrice);
                return bar.High >= stopPrice;
            case OrderType.Stop:
                price = Math.Min(bar.Open, stopPrice);
                return bar.Low <= stopPrice;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown order type.");
        }
    }

    /// <summary>Decides which leg of a bracket (one cancels the other) fills in <paramref name="bar"/>. A leg the open
    /// has already gapped through fills at the open. Otherwise, when the range reaches both legs, the stop-loss is
    /// assumed to have been hit first: the bar's path is unknown and the conservative answer is the loss.</summary>
    /// <param name="longPosition">True when the bracket protects a long position (legs sell), false for a short.</param>
    /// <param name="stopLoss">Stop-loss price, or null for no stop-loss leg.</param>
    /// <param name="takeProfit">Take-profit price, or null for no take-profit leg.</param>
    public static bool TryTriggerBracket(bool longPosition, decimal? stopLoss, decimal? takeProfit, in Bar bar, out BracketLeg leg, out decimal price)
    {
        if (longPosition)
        {
            if (stopLoss is { } sl && bar.Open <= sl)
            {
                return Hit(BracketLeg.StopLoss, bar.Open, out leg, out price);
            }

            if (takeProfit is { } tp && bar.Open >= tp)
            {
                return Hit(BracketLeg.TakeProfit, bar.Open, out leg, out price);
            }

            if (stopLoss is { } sl2 && bar.Low <= sl2)
            {
                return Hit(BracketLeg.StopLoss, sl2, out leg, out price);
            }

            if (takeProfit is { } tp2 && bar.High >= tp2)
            {
                return Hit(BracketLeg.TakeProfit, tp2, out leg, out price);
            }
        }
        else
        {
            if (stopLoss is { } sl && bar.Open >= sl)
            {
                return Hit(BracketLeg.StopLoss, bar.Open, out leg, out price);
            }

            if (takeProfit is { } tp && bar.Open <= tp)
            {
                return Hit(BracketLeg.TakeProfit, bar.Open, out leg, out price);
            }

            if (stopLoss is { } sl2 && bar.High >= sl2)
            {
                return Hit(BracketLeg.StopLoss, sl2, out leg, out price);
            }

            if (takeProfit is { } tp2 && bar.Low <= tp2)
            {
                return Hit(BracketLeg.TakeProfit, tp2, out leg, out price);
            }
        }

        leg = default;
        price = 0m;
        return false;
    }

    private static bool Hit(BracketLeg which, decimal at, out BracketLeg leg, out decimal price)
    {
        leg = which;
        price = at;
        return true;
    }
}
