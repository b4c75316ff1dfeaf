using System.Globalization;
using TradeNova.Trading.Costs;
using TradeNova.Trading.Risk;

namespace TradeNova.Backtest.Running;

/// <summary>The one line every result carries so a trader knows what the figures assume.</summary>
public static class Assumptions
{
    public static string Describe(BacktestPlan plan, LoadedData? data)
    {
        var options = plan.Options;
        var parts = new List<string>
        {
            "Signals on the close, market orders fill at the next bar's open",
            options.AllowFractionalShares ? "fractional shares" : "whole shares",
            plan.Sizing.Describe(),
            Costs(options.Commission, options.Slippage),
            Risk(options.Risk),
            string.Create(CultureInfo.InvariantCulture, $"${options.InitialCash:#,0.##} start"),
        };
        if (data is not null)
        {
            var synthetic = data.Sources.Where(s => s.Synthetic).Select(s => s.Symbol).ToArray();
            parts.Add(synthetic.Length > 0
                ? $"SYNTHETIC data for {string.Join(", ", synthetic)} (not real prices)"
                : "real historical data");
        }

        return string.Join("; ", parts) + ".";
    }

    private static string Costs(ICommissionModel commission, ISlippageModel slippage)
    {
        var noCommission = commission is ZeroCommission;
        var noSlippage = slippage is ZeroSlippage;
        if (noCommission && noSlippage)
            return "no commission or slippage";
        var text = noCommission ? "no commission" : "commission " + DescribeCommission(commission);
        text += noSlippage ? ", no slippage" : slippage switch
        {
            FixedBpsSlippage bps => string.Create(CultureInfo.InvariantCulture, $", slippage {bps.BasisPoints} bps"),
            RangeFractionSlippage range => string.Create(CultureInfo.InvariantCulture, $", slippage {range.Fraction * 100}% of the bar's range"),
            _ => ", slippage",
        };
        return text;
    }

    private static string DescribeCommission(ICommissionModel commission) => commission switch
    {
        CombinedCommission combined => string.Join(" + ", combined.Parts.Select(DescribeCommission))
            + (combined.MinimumPerOrder > 0 ? string.Create(CultureInfo.InvariantCulture, $" (min ${combined.MinimumPerOrder})") : ""),
        PerShareCommission perShare => string.Create(CultureInfo.InvariantCulture, $"${perShare.PerShare}/share"),
        PercentOfNotionalCommission percent => string.Create(CultureInfo.InvariantCulture, $"{percent.Fraction * 100}% of value"),
        FixedPerOrderCommission fixedFee => string.Create(CultureInfo.InvariantCulture, $"${fixedFee.PerOrder}/order"),
        _ => "custom",
    };

    private static string Risk(RiskLimits risk)
    {
        if (risk == RiskLimits.None)
            return "risk rules off";
        if (risk == RiskLimits.PlatformDefaults)
            return "platform risk rules on (10% max position, 5% stop-loss, 10% take-profit, 5% daily loss, 15% drawdown halt)";
        var on = new List<string>();
        if (risk.MaxPositionFraction is { } p) on.Add(string.Create(CultureInfo.InvariantCulture, $"{p * 100:0.##}% max position"));
        if (risk.MaxOpenPositions is { } n) on.Add($"{n} open positions");
        if (risk.DefaultStopLoss is { } sl) on.Add(string.Create(CultureInfo.InvariantCulture, $"{sl * 100:0.##}% stop-loss"));
        if (risk.DefaultTakeProfit is { } tp) on.Add(string.Create(CultureInfo.InvariantCulture, $"{tp * 100:0.##}% take-profit"));
        if (risk.DailyLossFraction is { } dl) on.Add(string.Create(CultureInfo.InvariantCulture, $"{dl * 100:0.##}% daily loss"));
        if (risk.MaxDrawdownFraction is { } dd) on.Add(string.Create(CultureInfo.InvariantCulture, $"{dd * 100:0.##}% drawdown halt"));
        return on.Count == 0 ? "risk rules off" : "risk rules on (" + string.Join(", ", on) + ")";
    }
}
