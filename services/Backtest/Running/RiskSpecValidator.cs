using TradeNova.Backtest.Requests;
using TradeNova.ServiceDefaults.Problems;
using TradeNova.Trading.Risk;

namespace TradeNova.Backtest.Running;

/// <summary>The request's risk rules: the platform defaults unless the request changes or switches them off.</summary>
internal static class RiskSpecValidator
{
    private static readonly string[] RiskRules = ["maxPosition", "maxOpenPositions", "dailyLoss", "maxDrawdown", "stopLoss", "takeProfit"];

    public static RiskLimits Risk(RiskSpec? spec, ValidationErrors errors)
    {
        if (spec is null)
            return RiskLimits.PlatformDefaults;
        if (!spec.Enabled)
            return RiskLimits.None;
        Fraction(errors, "risk.maxPositionFraction", spec.MaxPositionFraction);
        Fraction(errors, "risk.dailyLossFraction", spec.DailyLossFraction);
        Fraction(errors, "risk.maxDrawdownFraction", spec.MaxDrawdownFraction);
        Fraction(errors, "risk.stopLoss", spec.StopLoss);
        Fraction(errors, "risk.takeProfit", spec.TakeProfit);
        errors.Check(spec.MaxOpenPositions is null or (>= 1 and <= 500), "risk.maxOpenPositions", $"Must be from 1 to 500, got {spec.MaxOpenPositions}.");
        var disabled = spec.Disabled ?? [];
        for (var i = 0; i < disabled.Count; i++)
        {
            errors.Check(RiskRules.Contains(disabled[i]), $"risk.disabled[{i}]", $"Unknown rule '{disabled[i]}'. Known: {string.Join(", ", RiskRules)}.");
        }

        var defaults = RiskLimits.PlatformDefaults;
        bool On(string rule) => !disabled.Contains(rule);
        return new RiskLimits(
            On("maxPosition") ? spec.MaxPositionFraction ?? defaults.MaxPositionFraction : null,
            On("maxOpenPositions") ? spec.MaxOpenPositions ?? defaults.MaxOpenPositions : null,
            On("dailyLoss") ? spec.DailyLossFraction ?? defaults.DailyLossFraction : null,
            On("maxDrawdown") ? spec.MaxDrawdownFraction ?? defaults.MaxDrawdownFraction : null,
            On("stopLoss") ? spec.StopLoss ?? defaults.DefaultStopLoss : null,
            On("takeProfit") ? spec.TakeProfit ?? defaults.DefaultTakeProfit : null);
    }

    private static void Fraction(ValidationErrors errors, string field, decimal? value) =>
        errors.Check(value is null or (> 0 and <= 1), field, $"Must be greater than 0 and at most 1, got {value}.");
}
