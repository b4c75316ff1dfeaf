using TradeNova.Backtest.Requests;
using TradeNova.ServiceDefaults.Problems;
using TradeNova.Trading.Engine;

namespace TradeNova.Backtest.Running;

/// <summary>Checks every field of a request against the catalogue and the engine's rules and reports each problem
/// by its field name (JSON paths inside rule documents), all at once. A request that passes becomes a
/// <see cref="BacktestPlan"/>; the same code runs again on the stored request when a worker picks it up. Each part of
/// the request has its own validator beside this one (strategies, sizing, costs, risk, optimisation).</summary>
public static class BacktestRequestValidator
{
    public const decimal MaxInitialCash = 1_000_000_000_000m;

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

        var strategies = StrategySpecValidator.Strategies(request, kind, limits, errors);
        var sizing = SizingSpecValidator.Sizing(request.Sizing, errors);
        var options = new BacktestOptions
        {
            InitialCash = cash,
            Commission = CostSpecValidator.Commission(request.Commission, errors),
            Slippage = CostSpecValidator.Slippage(request.Slippage, errors),
            Risk = RiskSpecValidator.Risk(request.Risk, errors),
            AllowFractionalShares = request.FractionalShares ?? false,
        };

        OptimizationPlan? optimization = null;
        if (kind == BacktestJobKind.Optimization)
        {
            if (request.Optimization is null)
                errors.Add("optimization", "An optimisation needs the parameters to vary.");
            else if (strategies.Count == 1)
                optimization = OptimizationSpecValidator.Optimization(request.Optimization, strategies[0], limits, errors, out tooLarge);
        }
        else if (request.Optimization is not null)
        {
            errors.Add("optimization", "Only POST /api/v1/backtests/optimizations takes an optimisation.");
        }

        DataSpecValidator.Check(request, errors);
        if (errors.HasErrors || tooLarge is not null)
            return null;
        var symbols = strategies.SelectMany(s => s.Symbols).Distinct(StringComparer.Ordinal).ToArray();
        return new BacktestPlan(kind, request, strategies, symbols, options, sizing, optimization);
    }
}
