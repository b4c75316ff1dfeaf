using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TradeNova.Backtest.Requests;
using TradeNova.ServiceDefaults.Problems;
using TradeNova.Trading.Data;

namespace TradeNova.Backtest.Running;

/// <summary>Runs a small backtest and a small grid on the bundled S&amp;P 500 once at startup, off the request path, so the
/// first user's job does not pay for parsing the bundled history and for the JIT's slow first tier (a cold instance ran
/// its first 1,000-set grid at about half the speed of its third). Off with <c>TradeNova:Backtest:WarmUp=false</c>.</summary>
public sealed partial class EngineWarmUp(IOptions<BacktestLimits> limits, ILogger<EngineWarmUp> logger) : BackgroundService
{
    private const string Single = """{"strategy":{"name":"sma-crossover","parameters":{"symbol":"SPX","fastPeriod":10,"slowPeriod":30}},"sizing":{"mode":"all-cash"},"risk":{"enabled":false}}""";

    private const string Grid = """{"strategy":{"name":"sma-crossover","parameters":{"symbol":"SPX","fastPeriod":10,"slowPeriod":30}},"sizing":{"mode":"all-cash"},"risk":{"enabled":false},"optimization":{"parameters":[{"name":"fastPeriod","min":2,"max":21,"step":1},{"name":"slowPeriod","min":60,"max":90,"step":30}],"objective":"sharpe"}}""";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => limits.Value.WarmUp
        ? Task.Run(() => WarmUp(stoppingToken), stoppingToken)
        : Task.CompletedTask;

    private void WarmUp(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            Run(BacktestJobKind.Backtest, Single, cancellationToken);
            Run(BacktestJobKind.Optimization, Grid, cancellationToken);
            LogWarmedUp(clock.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping before it finished: nothing to warm for.
        }
        catch (Exception error)
        {
            // Only ever a missed speed-up; the same code runs again for the first job and reports there.
            LogWarmUpFailed(error);
        }
    }

    private void Run(string kind, string json, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize<BacktestRequest>(json, JsonSerializerOptions.Web)!;
        var plan = BacktestRequestValidator.Validate(request, kind, limits.Value, new ValidationErrors(), out _)
            ?? throw new InvalidOperationException($"The warm-up {kind} no longer validates.");
        var data = MarketDataLoader.Load(plan, new Dictionary<string, BarSeries>(), out var error)
            ?? throw new InvalidOperationException(error);
        _ = ResultDocuments.Of(BacktestRunner.Run(plan, data, _ => { }, cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backtest engine warmed up in {ElapsedMs} ms")]
    private partial void LogWarmedUp(long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backtest engine warm-up failed")]
    private partial void LogWarmUpFailed(Exception exception);
}
