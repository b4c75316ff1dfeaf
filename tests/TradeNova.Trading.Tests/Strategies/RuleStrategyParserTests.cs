using TradeNova.Trading.Indicators;
using TradeNova.Trading.Strategies.Rules;
using TradeNova.Trading.Tests.IndicatorTests;

namespace TradeNova.Trading.Tests.StrategyTests;

public sealed class RuleStrategyParserTests
{
    private const string Exit = """{"op":"<","left":"close","right":1}""";
    private const string Sizing = """{"fractionOfEquity":0.25}""";

    private static string WithEntry(string entry) =>
        $$"""{"symbols":["SPX"],"entry":{{entry}},"exit":{{Exit}},"sizing":{{Sizing}}}""";

    [Fact]
    public void A_complete_document_parses_into_conditions_with_indicator_defaults_filled_in()
    {
        var result = RuleStrategyParser.Parse("""
            {
              "name": "Trend with MACD",
              "symbols": ["SPX", "QQQ"],
              "entry": { "all": [
                  { "op": "crossesAbove", "left": { "indicator": "sma", "period": 50 }, "right": { "indicator": "sma", "period": 200 } },
                  { "any": [
                      { "op": ">", "left": { "indicator": "macd", "output": "histogram" }, "right": 0 },
                      { "op": ">=", "left": "close", "right": { "indicator": "highest", "period": 20, "barsAgo": 1 } } ] } ] },
              "exit": { "op": "<", "left": { "indicator": "rsi", "period": 14, "source": "open" }, "right": 30 },
              "sizing": { "fractionOfEquity": 0.25 }
            }
            """);

        result.Errors.ShouldBeEmpty();
        var definition = result.Definition.ShouldNotBeNull();
        definition.Name.ShouldBe("Trend with MACD");
        definition.Symbols.ShouldBe(["SPX", "QQQ"]);
        definition.FractionOfEquity.ShouldBe(0.25m);
        var entry = definition.Entry.ShouldBeOfType<AllCondition>();
        entry.Conditions[0].ShouldBe(new ComparisonCondition(ComparisonOperator.CrossesAbove,
            new IndicatorOperand(new IndicatorSpec("sma", 50, PriceSource.Close), "value"),
            new IndicatorOperand(new IndicatorSpec("sma", 200, PriceSource.Close), "value")));
        var any = entry.Conditions[1].ShouldBeOfType<AnyCondition>();
        any.Conditions[0].ShouldBe(new ComparisonCondition(ComparisonOperator.GreaterThan,
            new IndicatorOperand(new IndicatorSpec("macd", 0, PriceSource.Close, 12, 26, 9), "histogram"),
            new ConstantOperand(0)));
        any.Conditions[1].ShouldBe(new ComparisonCondition(ComparisonOperator.GreaterThanOrEqual,
            new PriceOperand(PriceSource.Close),
            new IndicatorOperand(new IndicatorSpec("highest", 20, PriceSource.High), "value", 1)));
        definition.Exit.ShouldBe(new ComparisonCondition(ComparisonOperator.LessThan,
            new IndicatorOperand(new IndicatorSpec("rsi", 14, PriceSource.Open), "value"), new ConstantOperand(30)));
    }

    [Theory]
    [InlineData("""{"op":">","left":{"indicator":"supertrend","period":10},"right":1}""", "$.entry.left.indicator", "Unknown indicator")]
    [InlineData("""{"op":">","left":{"indicator":"sma","period":0},"right":1}""", "$.entry.left.period", "Bad period")]
    [InlineData("""{"op":">","left":{"indicator":"sma","period":501},"right":1}""", "$.entry.left.period", "Bad period")]
    [InlineData("""{"op":">","left":{"indicator":"ema","period":2.5},"right":1}""", "$.entry.left.period", "Bad period")]
    [InlineData("""{"op":">","left":{"indicator":"ema","period":"ten"},"right":1}""", "$.entry.left.period", "Bad period")]
    [InlineData("""{"all":[]}""", "$.entry.all", "Empty rule")]
    [InlineData("""{}""", "$.entry", "Empty rule")]
    [InlineData("""{"op":"=>","left":"close","right":1}""", "$.entry.op", "Unknown operator")]
    [InlineData("""{"op":">","left":"close"}""", "$.entry.right", "Missing field 'right'")]
    [InlineData("""{"op":">","left":{"indicator":"sma"},"right":1}""", "$.entry.left.period", "Missing field 'period'")]
    [InlineData("""{"op":">","left":{"indicator":"atr","perod":5},"right":1}""", "$.entry.left.perod", "Unknown field 'perod' for indicator 'atr'")]
    [InlineData("""{"op":">","left":"closing","right":1}""", "$.entry.left", "Unknown price field")]
    [InlineData("""{"op":">","left":{"indicator":"macd","output":"hist"},"right":0}""", "$.entry.left.output", "Unknown output")]
    [InlineData("""{"op":">","left":{"indicator":"macd","fastPeriod":30},"right":0}""", "$.entry.left.fastPeriod", "less than slowPeriod")]
    [InlineData("""{"op":">","left":{"indicator":"bollinger","multiplier":9},"right":0}""", "$.entry.left.multiplier", "at most 5")]
    [InlineData("""{"op":">","left":{"price":"close","barsAgo":101},"right":0}""", "$.entry.left.barsAgo", "Bad barsAgo")]
    [InlineData("""{"op":">","left":true,"right":0}""", "$.entry.left", "Expected a number")]
    [InlineData("""{"all":[{"op":">","left":"close","right":1}],"op":">"}""", "$.entry", "exactly one of")]
    [InlineData("""{"any":{"op":">","left":"close","right":1}}""", "$.entry.any", "Expected an array")]
    [InlineData("""{"all":[{"op":">","left":"close","right":1},{"op":"<","left":"close","right":{"indicator":"wma","period":-1}}]}""", "$.entry.all[1].right.period", "Bad period")]
    public void An_invalid_entry_is_reported_at_its_json_path(string entry, string path, string message)
    {
        var result = RuleStrategyParser.Parse(WithEntry(entry));
        result.Definition.ShouldBeNull();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe(path);
        error.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("""{"symbols":[],"entry":{"op":">","left":"close","right":1},"exit":{"op":">","left":"close","right":1},"sizing":{"fractionOfEquity":1}}""", "$.symbols")]
    [InlineData("""{"symbols":["SPX","SPX"],"entry":{"op":">","left":"close","right":1},"exit":{"op":">","left":"close","right":1},"sizing":{"fractionOfEquity":1}}""", "$.symbols")]
    [InlineData("""{"symbols":["SPX"],"entry":{"op":">","left":"close","right":1},"sizing":{"fractionOfEquity":1}}""", "$.exit")]
    [InlineData("""{"symbols":["SPX"],"entry":{"op":">","left":"close","right":1},"exit":{"op":">","left":"close","right":1},"sizing":{"fractionOfEquity":1.5}}""", "$.sizing.fractionOfEquity")]
    [InlineData("""{"symbols":["SPX"],"entry":{"op":">","left":"close","right":1},"exit":{"op":">","left":"close","right":1},"sizing":{"shares":10}}""", "$.sizing.shares")]
    [InlineData("""{"symbols":["SPX"],"entry":{"op":">","left":"close","right":1},"exit":{"op":">","left":"close","right":1},"sizing":{"fractionOfEquity":1},"code":"rm -rf /"}""", "$.code")]
    [InlineData("""{"symbols":["SPX"],""", "$")]
    [InlineData("""[]""", "$")]
    public void An_invalid_document_is_reported_at_its_json_path(string json, string path)
    {
        var result = RuleStrategyParser.Parse(json);
        result.Definition.ShouldBeNull();
        result.Errors.Select(e => e.Field).ShouldContain(path);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_rejected()
    {
        var entry = """{"op":">","left":"close","right":1}""";
        for (var level = 1; level < RuleLimits.MaxDepth + 1; level++)
            entry = $$"""{"all":[{{entry}}]}""";
        var result = RuleStrategyParser.Parse(WithEntry(entry));
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("nested too deeply");

        var allowed = """{"op":">","left":"close","right":1}""";
        for (var level = 1; level < RuleLimits.MaxDepth; level++)
            allowed = $$"""{"all":[{{allowed}}]}""";
        RuleStrategyParser.Parse(WithEntry(allowed)).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void More_conditions_than_the_limit_are_rejected_once()
    {
        var many = string.Join(",", Enumerable.Repeat("""{"op":">","left":"close","right":1}""", RuleLimits.MaxNodes + 5));
        var result = RuleStrategyParser.Parse(WithEntry($$"""{"any":[{{many}}]}"""));
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("Too many conditions");
    }

    [Fact]
    public void Every_error_in_a_document_is_reported_together()
    {
        var result = RuleStrategyParser.Parse("""
            {"symbols":["SPX"],
             "entry":{"op":"~","left":{"indicator":"foo"},"right":{"indicator":"rsi","period":0}},
             "sizing":{"fractionOfEquity":0}}
            """);
        result.Errors.Select(e => e.Field).ShouldBe(
            ["$.entry.op", "$.entry.left.indicator", "$.entry.right.period", "$.exit", "$.sizing.fractionOfEquity"], ignoreOrder: true);
    }

    [Fact]
    public void The_example_in_the_rules_readme_is_valid()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "services", "Trading", "Strategies", "Rules", "README.md"));
        var start = readme.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        var example = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        RuleStrategyParser.Parse(example).Errors.ShouldBeEmpty();
    }
}
