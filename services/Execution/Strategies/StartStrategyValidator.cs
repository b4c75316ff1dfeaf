using System.Text.Json;
using TradeNova.Execution.Apis;
using TradeNova.Execution.Market;
using TradeNova.ServiceDefaults.Problems;
using TradeNova.Trading.Strategies;

namespace TradeNova.Execution.Strategies;

/// <summary>
/// Checks a start request the way the lab checks a backtest's strategy (the catalogue validates the spec; its field
/// names become request paths), plus what live trading needs: symbols of the live universe, an allocation within the
/// account's equity, a known account and bar length.
/// </summary>
public static class StartStrategyValidator
{
    public static readonly IReadOnlyList<int> BarSeconds = [5, 15, 60, 300, 900, 3600, 86400];
    public const int DefaultBarSeconds = 60;
    public const int MaxNameLength = 60;

    public sealed record ValidStart(string Name, string StrategyName, string Parameters, IReadOnlyList<string> Symbols, decimal Allocation,
        string Account, int BarSeconds, string SizingMode, decimal? SizingValue);

    public static ValidStart? Validate(StartStrategyRequest? request, decimal? accountEquity, ValidationErrors errors)
    {
        if (request is null)
        {
            errors.Add("body", "A JSON body is required.");
            return null;
        }

        errors.Check(request.Name is null || request.Name.Trim().Length is > 0 and <= MaxNameLength, "name", $"1 to {MaxNameLength} characters when given.");
        var account = request.Account?.Trim().ToLowerInvariant();
        errors.Check(account is TradingModes.Paper or TradingModes.Live, "account", "Must be paper or live.");
        var barSeconds = request.BarSeconds ?? DefaultBarSeconds;
        errors.Check(BarSeconds.Contains(barSeconds), "barSeconds", $"One of {string.Join(", ", BarSeconds)}.");
        errors.Check(account != TradingModes.Live || !BarSeconds.Contains(barSeconds) || barSeconds % 60 == 0, "barSeconds",
            "A live run is built from Alpaca's minute bars: 60 or longer.");
        if (request.Allocation is not > 0m)
        {
            errors.Add("allocation", "A positive amount of the account's equity (USD) is required.");
        }
        else if (accountEquity is { } equity && request.Allocation > equity)
        {
            errors.Add("allocation", $"At most the account's equity ({equity:0.00}).");
        }

        var (sizingMode, sizingValue) = Sizing(request.Sizing, errors);
        var strategy = Strategy(request.Strategy, errors);
        if (errors.HasErrors || strategy is null)
        {
            return null;
        }

        var (name, parameters, symbols) = strategy.Value;
        return new ValidStart(request.Name?.Trim() ?? StrategyCatalog.Strategies.First(s => s.Name == name).DisplayName, name, parameters, symbols,
            request.Allocation!.Value, account!, barSeconds, sizingMode, sizingValue);
    }

    private static (string Name, string Parameters, IReadOnlyList<string> Symbols)? Strategy(StrategySpecRequest? spec, ValidationErrors errors)
    {
        if (spec is null)
        {
            errors.Add("strategy", "A strategy ({name, parameters}, as in a backtest) is required.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(spec.Name))
        {
            errors.Add("strategy.name", "A strategy name from GET /api/v1/strategies/catalog is required.");
            return null;
        }

        var creation = StrategyCatalog.Create(spec.Name, spec.Parameters);
        if (creation.Strategy is not { } strategy)
        {
            foreach (var error in creation.Errors)
            {
                errors.Add(FieldName("strategy", error.Field), error.Message);
            }

            return null;
        }

        var unknown = strategy.Symbols.Where(s => !SymbolUniverse.Contains(s)).ToList();
        if (unknown.Count > 0)
        {
            var field = spec.Parameters.ValueKind == JsonValueKind.Object && spec.Parameters.TryGetProperty("symbol", out _) ? "symbol" : "symbols";
            errors.Add($"strategy.parameters.{field}", $"Not in the live universe (GET /api/v1/market/symbols): {string.Join(", ", unknown)}.");
            return null;
        }

        return (spec.Name.Trim().ToLowerInvariant(), spec.Parameters.GetRawText(), [.. strategy.Symbols]);
    }

    private static (string Mode, decimal? Value) Sizing(StrategySizingRequest? sizing, ValidationErrors errors)
    {
        if (sizing is null)
        {
            return (StrategySizing.Strategy, null);
        }

        var mode = sizing.Mode?.Trim().ToLowerInvariant() ?? StrategySizing.Strategy;
        if (!StrategySizing.Modes.Contains(mode))
        {
            errors.Add("sizing.mode", $"Unknown sizing '{sizing.Mode}'. Known: {string.Join(", ", StrategySizing.Modes)}.");
            return (StrategySizing.Strategy, null);
        }

        switch (mode)
        {
            case StrategySizing.PercentOfEquity:
                errors.Check(sizing.Value is > 0m and <= 1m, "sizing.value", "A fraction of equity above 0 and at most 1 (0.1 = 10%).");
                break;
            case StrategySizing.FixedShares:
                errors.Check(sizing.Value is > 0m && sizing.Value == decimal.Floor(sizing.Value.Value), "sizing.value", "A positive whole number of shares.");
                break;
            case StrategySizing.FixedDollars:
                errors.Check(sizing.Value is > 0m, "sizing.value", "A positive amount (USD).");
                break;
            default:
                errors.Check(sizing.Value is null, "sizing.value", $"'{mode}' takes no value.");
                break;
        }

        return (mode, sizing.Value);
    }

    /// <summary>Catalogue field names become request paths, as in the lab: "fastPeriod" → "strategy.parameters.fastPeriod".</summary>
    public static string FieldName(string prefix, string catalogField) => catalogField switch
    {
        "strategy" => $"{prefix}.name",
        "parameters" or "$" => $"{prefix}.parameters",
        _ when catalogField.StartsWith("$.", StringComparison.Ordinal) => $"{prefix}.parameters.{catalogField[2..]}",
        _ when catalogField.StartsWith('$') => $"{prefix}.parameters{catalogField[1..]}",
        _ => $"{prefix}.parameters.{catalogField}",
    };
}
