using TradeNova.Backtest.Requests;
using TradeNova.ServiceDefaults.Problems;
using TradeNova.Trading.Strategies;

namespace TradeNova.Backtest.Running;

/// <summary>The strategy or strategies of a request, checked by the catalogue; its errors are renamed to request paths.</summary>
internal static class StrategySpecValidator
{
    public static List<PlannedStrategy> Strategies(BacktestRequest request, string kind, BacktestLimits limits, ValidationErrors errors)
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
}
