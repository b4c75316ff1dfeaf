using System.Text.Json;
using TradeNova.Backtest.Requests;
using TradeNova.ServiceDefaults.Problems;
using TradeNova.Trading.Optimization;

namespace TradeNova.Backtest.Running;

/// <summary>An optimisation: the ranges to vary (numeric parameters of the strategy), search, objective, constraints,
/// walk-forward windows, and the size limit, which is a quota (403) rather than bad input.</summary>
internal static class OptimizationSpecValidator
{
    public static OptimizationPlan? Optimization(OptimizationSpec spec, PlannedStrategy strategy, BacktestLimits limits, ValidationErrors errors, out string? tooLarge)
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
        return new OptimizationPlan(ranges, sets, new OptimizationSettings(objective, constraints, DetailedTop: top), search, top, spec.WalkForward);
    }

    private static bool IsNumericParameter(JsonElement parameters, string name) =>
        parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number;
}
