using System.Text.Json;
using TradeNova.Trading.Engine;
using TradeNova.Trading.Optimization;
using TradeNova.Trading.Results;
using TradeNova.Trading.Statistics;
using TradeNova.Trading.Strategies;

namespace TradeNova.Backtest.Running;

/// <summary>Runs a validated plan on loaded data: one backtest, a comparison against buy-and-hold, or a parameter
/// search (with walk-forward when asked). Pure computation; the job consumer stores what it returns.</summary>
public static class BacktestRunner
{
    /// <param name="progress">Fraction done, 0..1, called from worker threads.</param>
    public static JobOutcome Run(BacktestPlan plan, LoadedData data, Action<double> progress, CancellationToken cancellationToken) =>
        plan.Kind switch
        {
            BacktestJobKind.Comparison => Comparison(plan, data, progress, cancellationToken),
            BacktestJobKind.Optimization => Optimization(plan, data, progress, cancellationToken),
            _ => Single(plan, data),
        };

    private static JobOutcome Single(BacktestPlan plan, LoadedData data)
    {
        var run = RunOne(plan, plan.Strategies[0], data.Data, withPrices: true);
        return new JobOutcome(run, run.Trades, run.Equity, run.FinalEquity, run.Statistics, data);
    }

    private static JobOutcome Comparison(BacktestPlan plan, LoadedData data, Action<double> progress, CancellationToken cancellationToken)
    {
        var benchmarkParameters = JsonSerializer.SerializeToElement(new { symbols = plan.Symbols });
        var benchmark = new PlannedStrategy("Buy and hold", "buy-and-hold", benchmarkParameters, plan.Symbols);
        var all = plan.Strategies.Append(benchmark).ToArray();
        var runs = new RunOutput[all.Length];
        var done = 0;
        Parallel.For(0, all.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            // The benchmark buys and holds with all the cash and no risk rules: the market itself.
            var benchmarkPlan = plan with { Options = plan.Options with { Risk = Trading.Risk.RiskLimits.None }, Sizing = OrderSizingChoice.StrategyDefault };
            runs[i] = RunOne(i == all.Length - 1 ? benchmarkPlan : plan, all[i], data.Data, withPrices: i == 0);
            progress((double)Interlocked.Increment(ref done) / all.Length);
        });

        var dates = runs.SelectMany(r => r.Equity.Select(e => e.Time)).Distinct().Order().ToArray();
        var entries = runs.Select((run, i) => new ComparisonEntry(
            run.Label, all[i].Name, i == all.Length - 1, run.FinalEquity, run.Statistics, run.Trades.Count, Align(run.Equity, dates, run.InitialCash))).ToArray();
        var output = new ComparisonOutput(entries, dates, "buy-and-hold of " + string.Join(", ", plan.Symbols));
        var trades = runs.SelectMany(r => r.Trades).ToArray();
        return new JobOutcome(new ComparisonResult(output, runs[0]), trades, runs[0].Equity, runs[0].FinalEquity, runs[0].Statistics, data);
    }

    private static JobOutcome Optimization(BacktestPlan plan, LoadedData data, Action<double> progress, CancellationToken cancellationToken)
    {
        var search = plan.Optimization!;
        var strategy = plan.Strategies[0];
        var evaluate = Evaluator(plan, strategy);
        WalkForwardOutput? walkForward = null;
        OptimizationResult result;
        if (search.WalkForward is { } walk)
        {
            var windows = WalkForwardPlan.Create(WalkForwardPlan.Timeline(data.Data), walk.InSampleBars, walk.OutOfSampleBars);
            if (windows.Count == 0)
                throw new JobFailedException($"The data has too few bars for one walk-forward window of {walk.InSampleBars} + {walk.OutOfSampleBars} bars.");
            var total = windows.Count * (search.Sets.Count + 1) + search.Sets.Count;
            var analysis = WalkForwardAnalysis.Run(data.Data, search.Sets, evaluate, search.Settings, windows,
                (done, _) => progress((double)done / total), cancellationToken);
            walkForward = new WalkForwardOutput(walk.InSampleBars, walk.OutOfSampleBars, analysis.Efficiency, analysis.OutOfSampleTotalReturn,
                analysis.Windows.Select(w => new WalkForwardWindowRow(
                    w.Window.Number, w.Window.InSampleStart, w.Window.InSampleEnd, w.Window.OutOfSampleStart, w.Window.OutOfSampleEnd,
                    w.Best is { } best ? ToDictionary(best.Parameters) : null,
                    w.Best?.Score, w.Best?.Report?.Cagr, w.OutOfSampleScore, w.OutOfSample?.Cagr, w.OutOfSample?.TotalReturn, w.OutOfSample?.MaxDrawdown)).ToArray());
            var offset = windows.Count * (search.Sets.Count + 1);
            result = Trading.Optimization.Optimizer.Run(search.Sets, data.Data, evaluate, search.Settings, done => progress((double)(offset + done) / total), cancellationToken);
        }
        else
        {
            result = Trading.Optimization.Optimizer.Run(search.Sets, data.Data, evaluate, search.Settings, done => progress((double)done / search.Sets.Count), cancellationToken);
        }

        var rankOf = result.Ranked.Select((e, i) => (e.Index, Rank: i + 1)).ToDictionary(p => p.Index, p => p.Rank);
        var rows = result.Evaluations.Select(e => Row(e, rankOf.GetValueOrDefault(e.Index))).ToArray();
        RunOutput? bestRun = null;
        if (result.Best is { } winner)
        {
            var parameters = JsonNodeWith(strategy.Parameters, winner.Parameters);
            bestRun = RunOne(plan, strategy with { Parameters = parameters, Label = strategy.Label + " (best)" }, data.Data, withPrices: true);
        }

        var output = new OptimizationOutput(
            PerformanceMetrics.NameOf(PerformanceMetrics.ToMetric(search.Settings.Objective)),
            search.Search,
            search.Ranges.Select(r => r.Name).ToArray(),
            search.Settings.Constraints.Select(c => c.ToString()).ToArray(),
            rows.Length,
            rows.Count(r => r.Error is null),
            result.Ranked.Count,
            result.Ranked.Take(search.Top).Select(e => rows[e.Index]).ToArray(),
            rows,
            Surface(search, result),
            bestRun,
            walkForward);
        var primary = bestRun;
        return new JobOutcome(output, primary?.Trades ?? [], primary?.Equity ?? [], primary?.FinalEquity ?? plan.Options.InitialCash,
            primary?.Statistics ?? new PerformanceReport(), data);
    }

    /// <summary>The seam the optimiser evaluates through: the catalogue evaluator, with the request's sizing.</summary>
    private static EvaluateParameterSet Evaluator(BacktestPlan plan, PlannedStrategy strategy)
    {
        Func<IStrategy, IStrategy>? decorate = plan.Sizing.Mode == OrderSizingMode.Strategy
            ? null
            : inner => new SizedStrategy(inner, plan.Sizing, plan.QuantityIncrement);
        return CatalogStrategyEvaluator.Create(strategy.Name, strategy.Parameters, plan.Options, decorate);
    }

    public static RunOutput RunOne(BacktestPlan plan, PlannedStrategy strategy, MarketDataSet data, bool withPrices)
    {
        var result = new BacktestEngine(plan.Options).Run(strategy.Create(plan.Sizing, plan.QuantityIncrement), data);
        var statistics = result.Statistics ?? PerformanceStatistics.Compute(new StatisticsInput(result.EquityCurve, result.Trades, result.FeesPaid, result.BarsInMarket, result.TotalBars));
        var priceSeries = withPrices ? data.Series.FirstOrDefault(s => s.Symbol == strategy.Symbols.FirstOrDefault()) ?? data.Series[0] : null;
        return new RunOutput(
            strategy.Label,
            result.InitialCash,
            result.FinalEquity,
            result.FinalCash,
            result.FeesPaid,
            statistics,
            result.Trades.Select(t => new TradeRow(strategy.Label, t.Symbol, t.Quantity, t.EntryTime, t.EntryPrice, t.ExitTime, t.ExitPrice, t.Fees, t.NetProfit, t.ExitReason)).ToArray(),
            WithDrawdown(result.EquityCurve),
            result.OpenPositions.Select(p => new OpenPositionRow(p.Symbol, p.Quantity, p.AverageEntryPrice, p.LastPrice, p.MarketValue)).ToArray(),
            result.Rejections.Count,
            result.Rejections.Take(50).Select(r => new RejectionRow(r.Time, r.Request.Symbol, r.Code, r.Message)).ToArray(),
            priceSeries?.Symbol,
            priceSeries is null ? [] : priceSeries.Bars.Select(b => new PriceRow(b.Time, b.Close)).ToArray());
    }

    private static EquityRow[] WithDrawdown(IReadOnlyList<EquityPoint> curve)
    {
        var rows = new EquityRow[curve.Count];
        var peak = decimal.MinValue;
        for (var i = 0; i < rows.Length; i++)
        {
            var point = curve[i];
            peak = Math.Max(peak, point.Equity);
            rows[i] = new EquityRow(point.Time, point.Equity, peak > 0 ? (double)((peak - point.Equity) / peak) : 0.0);
        }

        return rows;
    }

    /// <summary>Equity on the shared dates, carrying the last value over a date a curve lacks.</summary>
    private static decimal[] Align(IReadOnlyList<EquityRow> equity, DateTimeOffset[] dates, decimal initial)
    {
        var values = new decimal[dates.Length];
        var cursor = 0;
        var last = initial;
        for (var i = 0; i < dates.Length; i++)
        {
            while (cursor < equity.Count && equity[cursor].Time <= dates[i])
            {
                last = equity[cursor++].Equity;
            }

            values[i] = last;
        }

        return values;
    }

    private static EvaluationRow Row(ParameterSetEvaluation e, int rank) => new(
        rank, ToDictionary(e.Parameters), e.Score, e.Feasible, e.Report?.TotalReturn, e.Report?.Cagr, e.Report?.Sharpe,
        e.Report?.MaxDrawdown, e.Report?.ProfitFactor, e.Report?.TradeCount, e.Error);

    private static Dictionary<string, decimal> ToDictionary(ParameterSet set) => set.Values.ToDictionary(v => v.Name, v => v.Value);

    private static SurfaceOutput? Surface(OptimizationPlan search, OptimizationResult result)
    {
        if (search.Ranges.Count != 2)
            return null;
        var x = search.Ranges[0];
        var y = search.Ranges[1];
        var xs = result.Evaluations.Select(e => e.Parameters.Values[0].Value).Distinct().Order().ToArray();
        var ys = result.Evaluations.Select(e => e.Parameters.Values[1].Value).Distinct().Order().ToArray();
        var scores = ys.Select(_ => new double?[xs.Length]).ToArray();
        var feasible = ys.Select(_ => new bool[xs.Length]).ToArray();
        foreach (var e in result.Evaluations)
        {
            var xi = Array.IndexOf(xs, e.Parameters.Values[0].Value);
            var yi = Array.IndexOf(ys, e.Parameters.Values[1].Value);
            scores[yi][xi] = e.Feasible ? e.Score : null;
            feasible[yi][xi] = e.Feasible;
        }

        return new SurfaceOutput(x.Name, y.Name, xs, ys, scores, feasible);
    }

    private static JsonElement JsonNodeWith(JsonElement parameters, ParameterSet set)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(parameters.GetRawText())!.AsObject();
        foreach (var value in set.Values)
        {
            node[value.Name] = CatalogStrategyEvaluator.ToJson(value.Value);
        }

        return JsonSerializer.SerializeToElement(node);
    }
}
