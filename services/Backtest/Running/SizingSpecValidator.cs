using TradeNova.Backtest.Requests;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Backtest.Running;

/// <summary>The request's order sizing: a known mode with a value in its range.</summary>
internal static class SizingSpecValidator
{
    public static OrderSizingChoice Sizing(SizingSpec? spec, ValidationErrors errors)
    {
        if (spec is null)
            return OrderSizingChoice.StrategyDefault;
        if (!OrderSizingChoice.TryParseMode(spec.Mode, out var mode))
        {
            errors.Add("sizing.mode", $"Unknown sizing '{spec.Mode}'. Known: strategy, all-cash, percent-of-equity, fixed-shares, fixed-dollars.");
            return OrderSizingChoice.StrategyDefault;
        }

        var value = spec.Value ?? 0m;
        switch (mode)
        {
            case OrderSizingMode.PercentOfEquity:
                errors.Check(value is > 0 and <= 1, "sizing.value", $"A fraction of equity greater than 0 and at most 1 (0.1 = 10%), got {spec.Value}.");
                break;
            case OrderSizingMode.FixedShares or OrderSizingMode.FixedDollars:
                errors.Check(value is > 0 and <= BacktestRequestValidator.MaxInitialCash, "sizing.value", $"Must be greater than 0, got {spec.Value}.");
                break;
            default:
                errors.Check(spec.Value is null, "sizing.value", $"'{spec.Mode}' takes no value.");
                break;
        }

        return new OrderSizingChoice(mode, value);
    }
}
