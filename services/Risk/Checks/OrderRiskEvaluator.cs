using System.Globalization;
using TradeNova.Contracts.Risk;
using TradeNova.Trading.Orders;
using TradeNova.Trading.Risk;
using Codes = TradeNova.Contracts.Risk.RiskReasonCodes;

namespace TradeNova.Risk.Checks;

/// <summary>
/// The live pre-trade check, pure. Unlike the backtest (which stops at the first reason) it reports <b>every</b>
/// violation; the position rules are still the shared ones from <c>services/Trading</c>
/// (<see cref="PreTradeRiskCheck"/>), evaluated one rule at a time so each can report independently.
/// Orders that only reduce or close a position skip the halt, entitlement, position, buying-power and bracket rules.
/// </summary>
public static class OrderRiskEvaluator
{
    public static RiskAssessment Evaluate(
        RiskLimits limits, AccountView account, OrderRiskInput order, decimal? lastPrice, int ordersLastMinute, RiskOptions options)
    {
        var violations = new List<RiskViolation>();
        var side = ParseSide(order.Side);
        if (side is null || order.Quantity <= 0m || string.IsNullOrWhiteSpace(order.Symbol))
        {
            violations.Add(new(Codes.InvalidOrder, "The order needs a symbol, a side (buy or sell) and a positive quantity."));
            return new RiskAssessment(violations, false, order.ReferencePrice, null, null);
        }

        var symbol = order.Symbol.Trim().ToUpperInvariant();
        var reference = order.ReferencePrice > 0m ? order.ReferencePrice : order.LimitPrice ?? lastPrice ?? 0m;
        account.Positions.TryGetValue(symbol, out var current);
        var proposed = new ProposedOrder(symbol, side.Value, order.Quantity, reference, current);
        var opening = proposed.IsOpening;

        if (lastPrice is null)
        {
            violations.Add(new(Codes.UnknownSymbol, $"{symbol} is not a tradable symbol (no market price for it)."));
        }

        if (ordersLastMinute > options.MaxOrdersPerMinute)
        {
            violations.Add(new(Codes.OrderRate, Invariant(
                $"Too many orders: {ordersLastMinute} in the last minute, the limit is {options.MaxOrdersPerMinute}. Wait a moment and try again.")));
        }

        if (order.LimitPrice is { } limit && lastPrice is { } last && last > 0m
            && Math.Abs(limit - last) / last > options.PriceCollarFraction)
        {
            violations.Add(new(Codes.PriceCollar, Invariant(
                $"The limit price {limit:0.####} is more than {Percent(options.PriceCollarFraction)} away from the last price {last:0.####}.")));
        }

        if (account.ChecksShortSelling && side == OrderSide.Sell && order.Quantity > Math.Max(current, 0m))
        {
            violations.Add(new(Codes.ShortSelling, Invariant(
                $"Selling {order.Quantity:0.######} {symbol} is more than the {Math.Max(current, 0m):0.######} held; the paper account does not sell short.")));
        }

        if (!opening)
        {
            return new RiskAssessment(violations, false, reference, null, null);
        }

        AddOpeningViolations(violations, limits, account, proposed);
        var (stopLoss, takeProfit) = Bracket(violations, limits, order, proposed, reference);
        return violations.Count == 0
            ? new RiskAssessment(violations, true, reference, stopLoss, takeProfit)
            : new RiskAssessment(violations, true, reference, null, null);
    }

    private static void AddOpeningViolations(List<RiskViolation> violations, RiskLimits limits, AccountView account, ProposedOrder proposed)
    {
        if (!account.Entitled)
        {
            violations.Add(new(Codes.Entitlement,
                $"Your subscription is {account.SubscriptionStatus ?? "inactive"}; subscribe to open positions (closing orders still pass)."));
        }

        if (account.KillSwitch)
        {
            violations.Add(new(Codes.Halted, "Trading is halted for everyone by an administrator; only closing orders are accepted."));
        }

        if (account.AdminHalted)
        {
            violations.Add(new(Codes.Halted, "Trading on your account is halted by an administrator; only closing orders are accepted."));
        }

        var snapshot = new AccountSnapshot(account.Equity, account.Positions.Count, account.MonitorHalts);

        // The shared rules, one at a time, so every one that applies is reported.
        AddShared(violations, RiskLimits.None with { MaxDrawdownFraction = limits.MaxDrawdownFraction }, snapshot, proposed);
        AddShared(violations, RiskLimits.None with { DailyLossFraction = limits.DailyLossFraction }, snapshot, proposed);
        AddShared(violations, RiskLimits.None with { MaxOpenPositions = limits.MaxOpenPositions }, snapshot, proposed);
        AddShared(violations, RiskLimits.None with { MaxPositionFraction = limits.MaxPositionFraction }, snapshot, proposed);

        if (proposed.Side == OrderSide.Buy)
        {
            var cost = proposed.Quantity * proposed.ReferencePrice;
            if (cost > account.Cash)
            {
                violations.Add(new(Codes.BuyingPower, Invariant(
                    $"The order costs about {cost:0.00}, more than the buying power of {account.Cash:0.00}.")));
            }
        }
    }

    private static void AddShared(List<RiskViolation> violations, RiskLimits rule, AccountSnapshot account, ProposedOrder order)
    {
        var decision = PreTradeRiskCheck.Evaluate(rule, account, order);
        if (!decision.IsApproved)
        {
            violations.Add(new(decision.Code!, decision.Message!));
        }
    }

    /// <summary>The order's own legs when they are within the user's limits, otherwise a violation; missing legs come
    /// from the user's defaults, measured from the reference price on the side that protects the position.</summary>
    private static (decimal? StopLoss, decimal? TakeProfit) Bracket(
        List<RiskViolation> violations, RiskLimits limits, OrderRiskInput order, ProposedOrder proposed, decimal reference)
    {
        if (reference <= 0m)
        {
            return (null, null);
        }

        var isLong = proposed.ResultingPosition > 0m;
        var direction = isLong ? 1m : -1m;
        var stopLoss = order.StopLossPrice;
        var takeProfit = order.TakeProfitPrice;

        if (stopLoss is { } stop)
        {
            var distance = (reference - stop) * direction / reference;
            if (distance <= 0m)
            {
                violations.Add(new(Codes.BracketOutsideLimits, Invariant(
                    $"The stop-loss {stop:0.####} must be {(isLong ? "below" : "above")} the reference price {reference:0.####}.")));
            }
            else if (limits.DefaultStopLoss is { } maxStop && distance > maxStop)
            {
                violations.Add(new(Codes.BracketOutsideLimits, Invariant(
                    $"The stop-loss {stop:0.####} is {Percent(distance)} from the price; your limit is {Percent(maxStop)}.")));
            }
        }
        else if (limits.DefaultStopLoss is { } defaultStop)
        {
            stopLoss = RoundPrice(reference * (1m - direction * defaultStop));
        }

        if (takeProfit is { } target)
        {
            if ((target - reference) * direction <= 0m)
            {
                violations.Add(new(Codes.BracketOutsideLimits, Invariant(
                    $"The take-profit {target:0.####} must be {(isLong ? "above" : "below")} the reference price {reference:0.####}.")));
            }
        }
        else if (limits.DefaultTakeProfit is { } defaultTarget)
        {
            takeProfit = RoundPrice(reference * (1m + direction * defaultTarget));
        }

        return (stopLoss, takeProfit);
    }

    public static OrderSide? ParseSide(string? side) => side?.Trim().ToLowerInvariant() switch
    {
        "buy" => OrderSide.Buy,
        "sell" => OrderSide.Sell,
        _ => null,
    };

    private static decimal RoundPrice(decimal price) => Math.Round(price, price >= 1m ? 2 : 4, MidpointRounding.AwayFromZero);

    private static string Percent(decimal fraction) => (fraction * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
