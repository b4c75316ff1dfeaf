using TradeNova.Backtest.Requests;
using TradeNova.ServiceDefaults.Problems;
using TradeNova.Trading.Costs;

namespace TradeNova.Backtest.Running;

/// <summary>Commission and slippage of a request, as the engine's cost models (zero when absent).</summary>
internal static class CostSpecValidator
{
    public static ICommissionModel Commission(CommissionSpec? spec, ValidationErrors errors)
    {
        if (spec is null)
            return ZeroCommission.Instance;
        NonNegative(errors, "commission.perShare", spec.PerShare, 100m);
        NonNegative(errors, "commission.percentOfNotional", spec.PercentOfNotional, 0.1m);
        NonNegative(errors, "commission.perOrder", spec.PerOrder, 10_000m);
        NonNegative(errors, "commission.minimumPerOrder", spec.MinimumPerOrder, 10_000m);
        var parts = new List<ICommissionModel>();
        if (spec.PerShare is > 0 and var perShare)
            parts.Add(new PerShareCommission(perShare));
        if (spec.PercentOfNotional is > 0 and var fraction)
            parts.Add(new PercentOfNotionalCommission(fraction));
        if (spec.PerOrder is > 0 and var perOrder)
            parts.Add(new FixedPerOrderCommission(perOrder));
        var minimum = spec.MinimumPerOrder ?? 0m;
        return parts.Count == 0 && minimum == 0 ? ZeroCommission.Instance : new CombinedCommission(parts, minimum);
    }

    public static ISlippageModel Slippage(SlippageSpec? spec, ValidationErrors errors)
    {
        if (spec is null)
            return ZeroSlippage.Instance;
        NonNegative(errors, "slippage.bps", spec.Bps, 1_000m);
        NonNegative(errors, "slippage.rangeFraction", spec.RangeFraction, 1m);
        if (spec is { Bps: > 0, RangeFraction: > 0 })
            errors.Add("slippage", "Choose one slippage model: bps or rangeFraction.");
        return spec switch
        {
            { Bps: > 0 and var bps } => new FixedBpsSlippage(bps),
            { RangeFraction: > 0 and var fraction } => new RangeFractionSlippage(fraction),
            _ => ZeroSlippage.Instance,
        };
    }

    private static void NonNegative(ValidationErrors errors, string field, decimal? value, decimal max) =>
        errors.Check(value is null or >= 0 && (value ?? 0) <= max, field, $"Must be from 0 to {max}, got {value}.");
}
