using System.Text.Json;
using TradeNova.Backtest.Model;
using TradeNova.Backtest.Requests;
using TradeNova.Backtest.Running;
using TradeNova.ServiceDefaults.Problems;
using TradeNova.Trading.Data;

namespace TradeNova.UnitTests.Backtest;

public class ResultDocumentsTests
{
    private const string Sma = """{"strategy":{"name":"sma-crossover","parameters":{"symbol":"SPX","fastPeriod":10,"slowPeriod":30}},"sizing":{"mode":"all-cash"},"risk":{"enabled":false},"start":"2015-01-01","end":"2018-12-31"}""";

    private static JobOutcome Run(string kind, string json)
    {
        var request = JsonSerializer.Deserialize<BacktestRequest>(json, JsonSerializerOptions.Web)!;
        var errors = new ValidationErrors();
        var plan = BacktestRequestValidator.Validate(request, kind, new BacktestLimits(), errors, out _);
        errors.HasErrors.ShouldBeFalse();
        var data = MarketDataLoader.Load(plan!, new Dictionary<string, BarSeries>(), out var error);
        error.ShouldBeNull();
        return BacktestRunner.Run(plan!, data!, _ => { }, CancellationToken.None);
    }

    private static string Reflected(object value) => JsonSerializer.Serialize(value, value.GetType(), JsonSerializerOptions.Web);

    [Fact]
    public void Single_backtest_stores_its_run_once_with_the_same_text_as_the_web_serialiser()
    {
        var outcome = Run(BacktestJobKind.Backtest, Sma);

        var documents = ResultDocuments.Of(outcome);

        documents.Payload.ShouldBe(Reflected(outcome.Payload));
        documents.Trades.ShouldBeNull("the payload is the run: its trades are read from there");
        documents.Equity.ShouldBeNull();
        using var payload = JsonDocument.Parse(documents.Payload);
        payload.RootElement.GetProperty("equity").GetArrayLength().ShouldBe(outcome.Equity.Count);
        payload.RootElement.GetProperty("trades").GetArrayLength().ShouldBe(outcome.Trades.Count);
    }

    [Fact]
    public void Optimisation_stores_its_best_run_once_inside_the_payload()
    {
        var grid = Sma.Replace("\"start\"", "\"optimization\":{\"parameters\":[{\"name\":\"fastPeriod\",\"min\":5,\"max\":15,\"step\":5},{\"name\":\"slowPeriod\",\"min\":40,\"max\":60,\"step\":20}],\"objective\":\"sharpe\"},\"start\"", StringComparison.Ordinal);
        var outcome = Run(BacktestJobKind.Optimization, grid);

        var documents = ResultDocuments.Of(outcome);

        documents.Payload.ShouldBe(Reflected(outcome.Payload));
        documents.Trades.ShouldBeNull();
        documents.Equity.ShouldBeNull();
        using var payload = JsonDocument.Parse(documents.Payload);
        payload.RootElement.GetProperty("bestRun").GetProperty("equity").GetArrayLength().ShouldBe(outcome.Equity.Count);
    }

    [Fact]
    public void Comparison_keeps_its_own_trades_and_equity_documents()
    {
        var outcome = Run(BacktestJobKind.Comparison, Sma.Replace("\"strategy\":{", "\"strategies\":[{", StringComparison.Ordinal).Replace("}},\"sizing\"", "}}],\"sizing\"", StringComparison.Ordinal));

        var documents = ResultDocuments.Of(outcome);

        documents.Payload.ShouldBe(Reflected(outcome.Payload));
        documents.Trades.ShouldBe(Reflected(outcome.Trades));
        documents.Equity.ShouldBe(Reflected(outcome.Equity));
    }
}
