using System.Globalization;
using System.Text;
using System.Text.Json;
using TradeNova.Trading.Results;
using TradeNova.Trading.Statistics;
using TradeNova.Trading.Tests.IndicatorTests;

namespace TradeNova.Trading.Tests.StatisticsTests;

/// <summary>Every figure of <see cref="PerformanceStatistics.Compute"/> against tests/reference/statistics/compute_statistics.py,
/// an independent Python implementation fed the same equity series and trades through a JSON file. Tolerance: money
/// (decimal) within 1e-15; ratios within 1e-9 relative, with a 1e-12 absolute floor for figures near zero (alpha of a
/// strategy that tracks its benchmark), where the last bits of two different summation orders dominate.</summary>
public sealed class StatisticsReferenceTests
{
    private const double RelativeTolerance = 1e-9;
    private const double AbsoluteFloor = 1e-12;
    private const decimal MoneyTolerance = 1e-15m;

    public static TheoryData<string> Scenarios => [.. StatisticsScenarios.All.Keys];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Statistics_match_the_independent_python_reference(string scenario)
    {
        var input = StatisticsScenarios.All[scenario]();
        var report = PerformanceStatistics.Compute(input);
        var expected = RunReference(input);
        var actual = JsonSerializer.SerializeToElement(report, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        var actualNames = actual.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        var expectedNames = expected.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        actualNames.ShouldBe(expectedNames, "the reference must compute every figure of the report");

        foreach (var property in expected.EnumerateObject())
            Compare(scenario, property.Name, actual.GetProperty(property.Name), property.Value);
    }

    [Fact]
    public void The_realistic_scenario_exercises_every_figure()
    {
        var report = PerformanceStatistics.Compute(StatisticsScenarios.All["trend-following-on-sp500-with-benchmark"]());
        report.TradeCount.ShouldBeGreaterThan(20);
        report.WinningTrades.ShouldBeGreaterThan(0);
        report.LosingTrades.ShouldBeGreaterThan(0);
        report.FeesPaid.ShouldBeGreaterThan(0);
        report.MaxDrawdown.ShouldBeGreaterThan(0.05);
        new[] { report.Sharpe, report.Sortino, report.Calmar, report.Alpha, report.Beta, report.ProfitFactor }.ShouldAllBe(v => v != null);
    }

    private static void Compare(string scenario, string name, JsonElement actual, JsonElement expected)
    {
        var where = $"{scenario}: {name}";
        switch (expected.ValueKind)
        {
            case JsonValueKind.Null:
                actual.ValueKind.ShouldBe(JsonValueKind.Null, where);
                break;
            case JsonValueKind.String:
                var money = decimal.Parse(expected.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
                Math.Abs(actual.GetDecimal() - money).ShouldBeLessThanOrEqualTo(MoneyTolerance, where);
                break;
            case JsonValueKind.Number when name is "start" or "end":
                DateTimeOffset.Parse(actual.GetString()!, CultureInfo.InvariantCulture).ToUnixTimeSeconds().ShouldBe(expected.GetInt64(), where);
                break;
            case JsonValueKind.Number:
                actual.ValueKind.ShouldBe(JsonValueKind.Number, where);
                var (ours, theirs) = (actual.GetDouble(), expected.GetDouble());
                var allowed = Math.Max(RelativeTolerance * Math.Max(Math.Abs(ours), Math.Abs(theirs)), AbsoluteFloor);
                Math.Abs(ours - theirs).ShouldBeLessThanOrEqualTo(allowed, $"{where}: ours {ours:R}, reference {theirs:R}");
                break;
            default:
                throw new InvalidDataException($"{where}: unexpected {expected.ValueKind} from the reference.");
        }
    }

    private static JsonElement RunReference(StatisticsInput input)
    {
        var file = Path.Combine(Path.GetTempPath(), $"tradenova-statistics-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(file, ToJson(input));
            var script = Path.Combine(RepositoryFiles.ReferenceDirectory, "statistics", "compute_statistics.py");
            var output = ReferenceProcess.Run("python3", [script, file], RepositoryFiles.ReferenceDirectory);
            return JsonDocument.Parse(output).RootElement.Clone();
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string ToJson(StatisticsInput input)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            WritePoints(json, "equity", input.Equity);
            json.WriteStartArray("trades");
            foreach (var trade in input.Trades)
            {
                json.WriteStartObject();
                json.WriteNumber("quantity", trade.Quantity);
                json.WriteNumber("entryPrice", trade.EntryPrice);
                json.WriteNumber("exitPrice", trade.ExitPrice);
                json.WriteNumber("fees", trade.Fees);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteNumber("feesPaid", input.FeesPaid);
            json.WriteNumber("barsInMarket", input.BarsInMarket);
            json.WriteNumber("totalBars", input.TotalBars);
            if (input.Benchmark is null)
                json.WriteNull("benchmark");
            else
                WritePoints(json, "benchmark", input.Benchmark);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WritePoints(Utf8JsonWriter json, string name, IReadOnlyList<EquityPoint> points)
    {
        json.WriteStartArray(name);
        foreach (var point in points)
        {
            json.WriteStartObject();
            json.WriteNumber("time", point.Time.ToUnixTimeSeconds());
            json.WriteNumber("equity", point.Equity);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
