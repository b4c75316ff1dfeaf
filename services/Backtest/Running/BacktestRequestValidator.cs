using System.Text.Json;
using TradeNova.Backtest.Requests;
using TradeNova.ServiceDefaults.Problems;
using TradeNova.Trading.Costs;
using TradeNova.Trading.Engine;
using TradeNova.Trading.Optimization;
using TradeNova.Trading.Risk;
using TradeNova.Trading.Strategies;

namespace TradeNova.Backtest.Running;

/// <summary>Checks every field of a request against the catalogue and the engine's rules and reports each problem
/// by its field name (JSON paths inside rule documents), all at once. A request that passes becomes a
/// <see cref="BacktestPlan"/>; the same code runs again on the stored request when a worker picks it up.</summary>
public static class BacktestRequestValidator
{
    public const decimal MaxInitialCash = 1_000_000_000_000m;

    private static readonly string[] RiskRules = ["maxPosition", "maxOpenPositions", "dailyLoss", "maxDrawdown", "stopLoss", "takeProfit"];

    /// <summary>Null with <paramref name="errors"/> filled when invalid. <paramref name="tooLarge"/> is set (and the plan
    /// null) when the only problem is an optimisation bigger than the limit, which is a quota (403), not bad input.</summary>
    public static BacktestPlan? Validate(BacktestRequest request, string kind, BacktestLimits limits, ValidationErrors errors, out string? tooLarge)
    {
        tooLarge = null;
        errors.Check(request.Name is null || request.Name.Length <= 100, "name", "At most 100 characters.");
        var cash = request.InitialCash ?? 100_000m;
        errors.Check(cash is > 0 and <= MaxInitialCash, "initialCash", $"Must be greater than 0 and at most {MaxInitialCash:#,0}, got {cash}.");
        if (request is { Start: { } start, End: { } end } && end < start)
            errors.Add("end", $"Must not be before start ({start:yyyy-MM-dd}), got {end:yyyy-MM-dd}.");

        var strategies = Strategies(request, kind, limits, errors);
        var sizing = Sizing(request.Sizing, errors);
        var options = new BacktestOptions
        {
            InitialCash = cash,
            Commission = Commission(request.Commission, errors),
            Slippage = Slippage(request.Slippage, errors),
            Risk = Risk(request.Risk, errors),
            AllowFractionalShares = request.FractionalShares ?? false,
        };

        OptimizationPlan? optimization = null;
        if (kind == BacktestJobKind.Optimization)
        {
            if (request.Optimization is null)
                errors.Add("optimization", "An optimisation needs the parameters to vary.");
            else if (strategies.Count == 1)
                optimization = Optimization(request.Optimization, strategies[0], limits, errors, out tooLarge);
        }
        else if (request.Optimization is not null)
        {
            errors.Add("optimization", "Only POST /api/v1/backtests/optimizations takes an optimisation.");
        }

        if (errors.HasErrors || tooLarge is not null)
            return null;
        var symbols = strategies.SelectMany(s => s.Symbols).Distinct(StringComparer.Ordinal).ToArray();
        return new BacktestPlan(kind, request, strategies, symbols, options, sizing, optimization);
    }

    private static List<PlannedStrategy> Strategies(BacktestRequest request, string kind, BacktestLimits limits, ValidationErrors errors)
    {
        var planned = new List<PlannedStrategy>();
        if (kind == BacktestJobKind.Comparison)
        {
            errors.Check(request.Strategy is null, "strategy", "A comparison takes 'strategies', not 'strategy'.");
            if (request.Strategies is not { Count: > 0 } list || list.Count > limits.MaxComparisonStrategies)
            {
                errors.Add("strategies", $"Give 1 to {limits.MaxComparisonStrategies} strategies to compare (buy-and-hold is added as the benchmark).");
                return planned;
            }

            for (var i = 0; i < list.Count; i++)
            {
                if (Strategy(list[i], $"strategies[{i}]", errors) is { } one)
                    planned.Add(one);
            }

            var duplicate = planned.GroupBy(p => p.Label).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
                errors.Add("strategies", $"Two strategies are labelled '{duplicate.Key}'; give them distinct labels.");
            return planned;
        }

        errors.Check(request.Strategies is null, "strategies", "Only a comparison takes 'strategies'; use 'strategy'.");
        if (request.Strategy is null)
        {
            errors.Add("strategy", "A strategy is required.");
            return planned;
        }

        if (Strategy(request.Strategy, "strategy", errors) is { } single)
            planned.Add(single);
        return planned;
    }

    private static PlannedStrategy? Strategy(StrategySpec spec, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(spec.Name))
        {
            errors.Add($"{field}.name", "A strategy name from GET /api/v1/backtests/catalog is required.");
            return null;
        }

        if (spec.Label is { Length: > 60 })
            errors.Add($"{field}.label", "At most 60 characters.");
        var creation = StrategyCatalog.Create(spec.Name, spec.Parameters);
        if (creation.Strategy is not { } strategy)
        {
            foreach (var error in creation.Errors)
            {
                errors.Add(FieldName(field, error.Field), error.Message);
            }

            return null;
        }

        return new PlannedStrategy(spec.Label ?? spec.Name, spec.Name.ToLowerInvariant(), spec.Parameters.Clone(), strategy.Symbols.ToArray());
    }

    /// <summary>Catalogue field names become request paths: "fastPeriod" → "strategy.parameters.fastPeriod",
    /// "$.entry.all[1].left.period" → "strategy.parameters.entry.all[1].left.period", "strategy" → "strategy.name".</summary>
    public static string FieldName(string prefix, string catalogField) => catalogField switch
    {
        "strategy" => $"{prefix}.name",
        "parameters" or "$" => $"{prefix}.parameters",
        _ when catalogField.StartsWith("$.", StringComparison.Ordinal) => $"{prefix}.parameters.{catalogField[2..]}",
        _ when catalogField.StartsWith('$') => $"{prefix}.parameters{catalogField[1..]}",
        _ => $"{prefix}.parameters.{catalogField}",
    };

    private static OrderSizingChoice Sizing(SizingSpec? spec, ValidationErrors errors)
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
                errors.Check(value is > 0 and <= MaxInitialCash, "sizing.value", $"Must be greater than 0, got {spec.Value}.");
                break;
            default:
                errors.Check(spec.Value is null, "sizing.value", $"'{spec.Mode}' takes no value.");
                break;
        }

        return new OrderSizingChoice(mode, value);
    }

    private static ICommissionModel Commission(CommissionSpec? spec, ValidationErrors errors)
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

    private static ISlippageModel Slippage(SlippageSpec? spec, ValidationErrors errors)
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

    private static RiskLimits Risk(RiskSpec? spec, ValidationErrors errors)
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

    private static OptimizationPlan? Optimization(OptimizationSpec spec, PlannedStrategy strategy, BacktestLimits limits, ValidationErrors errors, out string? tooLarge)
    {
        tooLarge = null;
        var before = errors.ToDictionary().Count;
        var ranges = new List<ParameterRange>();
        if (spec.Parameters is not { Count: > 0 } parameters || parameters.Count > limits.MaxOptimizationParameters)
        {
            errors.Add("optimization.parameters", $"Vary 1 to {limits.MaxOptimizationParameters} parameters.");
        }
        else
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                var field = $"optimization.parameters[{i}]";
                var range = new ParameterRange(parameters[i].Name ?? "", parameters[i].Min, parameters[i].Max, parameters[i].Step);
                foreach (var (name, message) in range.Problems())
                {
                    errors.Add($"{field}.{name}", message);
                }

                if (!string.IsNullOrWhiteSpace(range.Name) && !IsNumericParameter(strategy.Parameters, range.Name))
                    errors.Add($"{field}.name", $"'{range.Name}' is not a numeric parameter of {strategy.Name}.");
                if (ranges.Any(r => r.Name == range.Name))
                    errors.Add($"{field}.name", $"'{range.Name}' is varied twice.");
                ranges.Add(range);
            }
        }

        var search = spec.Search ?? "grid";
        errors.Check(search is "grid" or "random", "optimization.search", $"Must be grid or random, got '{search}'.");
        errors.Check(search != "random" || spec.Samples is > 0, "optimization.samples", "A random search needs samples > 0.");
        var objectiveName = spec.Objective ?? "sharpe";
        if (!PerformanceMetrics.TryParseObjective(objectiveName, out var objective))
            errors.Add("optimization.objective", $"Unknown objective '{objectiveName}'. Known: sharpe, cagr, calmar, total_return, profit_factor.");
        var constraints = new List<OptimizationConstraint>();
        var specs = spec.Constraints ?? [];
        for (var i = 0; i < specs.Count; i++)
        {
            var ok = true;
            if (!PerformanceMetrics.TryParse(specs[i].Metric, out var metric))
            {
                errors.Add($"optimization.constraints[{i}].metric", $"Unknown metric '{specs[i].Metric}'. Known: {string.Join(", ", PerformanceMetrics.Names)}.");
                ok = false;
            }

            if (!OptimizationConstraint.TryParseOperator(specs[i].Op, out var op))
            {
                errors.Add($"optimization.constraints[{i}].op", $"Must be <, <=, > or >=, got '{specs[i].Op}'.");
                ok = false;
            }

            if (ok)
                constraints.Add(new OptimizationConstraint(metric, op, specs[i].Value));
        }

        if (spec.WalkForward is { } walk)
        {
            errors.Check(walk.InSampleBars is >= 20 and <= 100_000, "optimization.walkForward.inSampleBars", $"Must be from 20 to 100000 bars, got {walk.InSampleBars}.");
            errors.Check(walk.OutOfSampleBars is >= 20 and <= 100_000, "optimization.walkForward.outOfSampleBars", $"Must be from 20 to 100000 bars, got {walk.OutOfSampleBars}.");
        }

        var top = spec.Top ?? 10;
        errors.Check(top is >= 1 and <= 100, "optimization.top", $"Must be from 1 to 100, got {top}.");
        if (errors.ToDictionary().Count > before)
            return null;

        var size = search == "random" ? Math.Min(spec.Samples!.Value, ParameterSpace.GridSize(ranges)) : ParameterSpace.GridSize(ranges);
        if (size > limits.MaxOptimizationSets)
        {
            tooLarge = $"The search has {size:#,0} parameter sets; your plan allows {limits.MaxOptimizationSets:#,0} per optimisation.";
            return null;
        }

        var sets = search == "random" ? ParameterSpace.Random(ranges, spec.Samples!.Value, spec.Seed ?? 1) : ParameterSpace.Grid(ranges);
        return new OptimizationPlan(ranges, sets, new OptimizationSettings(objective, constraints), search, top, spec.WalkForward);
    }

    private static bool IsNumericParameter(JsonElement parameters, string name) =>
        parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number;

    private static void NonNegative(ValidationErrors errors, string field, decimal? value, decimal max) =>
        errors.Check(value is null or >= 0 && (value ?? 0) <= max, field, $"Must be from 0 to {max}, got {value}.");

    private static void Fraction(ValidationErrors errors, string field, decimal? value) =>
        errors.Check(value is null or (> 0 and <= 1), field, $"Must be greater than 0 and at most 1, got {value}.");
}
