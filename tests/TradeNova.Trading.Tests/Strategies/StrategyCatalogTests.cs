using TradeNova.Trading.Strategies;
using TradeNova.Trading.Strategies.BuiltIn;
using TradeNova.Trading.Strategies.Rules;

namespace TradeNova.Trading.Tests.StrategyTests;

public sealed class StrategyCatalogTests
{
    public static TheoryData<string> Names => [.. StrategyCatalog.Strategies.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_catalog_entry_builds_from_its_example_parameters(string name)
    {
        var descriptor = StrategyCatalog.Strategies.Single(s => s.Name == name);
        var creation = StrategyCatalog.Create(name, descriptor.ExampleParametersJson);
        creation.Errors.ShouldBeEmpty();
        creation.Strategy.ShouldNotBeNull().Symbols.ShouldNotBeEmpty();
    }

    [Fact]
    public void The_catalog_offers_every_built_in_strategy_and_rules()
    {
        StrategyCatalog.Strategies.Select(s => s.Name).ShouldBe(
            ["buy-and-hold", "sma-crossover", "ema-crossover", "rsi-mean-reversion", "bollinger-mean-reversion",
             "donchian-breakout", "momentum-rotation", "rules"], ignoreOrder: true);
    }

    [Fact]
    public void Parameters_are_read_into_the_typed_record_with_defaults_for_omitted_fields()
    {
        var creation = StrategyCatalog.Create("sma-crossover", """{"symbol":"QQQ","fastPeriod":5}""");
        var strategy = creation.Strategy.ShouldBeOfType<SmaCrossoverStrategy>();
        strategy.Parameters.ShouldBe(new SmaCrossoverParameters("QQQ", 5, 30));
    }

    [Fact]
    public void Validation_errors_come_back_by_field_without_a_strategy()
    {
        var creation = StrategyCatalog.Create("sma-crossover", """{"symbol":"SPX","fastPeriod":50,"slowPeriod":20}""");
        creation.Succeeded.ShouldBeFalse();
        creation.Strategy.ShouldBeNull();
        creation.Errors.ShouldHaveSingleItem().Field.ShouldBe("fastPeriod");
    }

    [Theory]
    [InlineData("""{"symbol":"SPX","fastPeriod":"ten"}""", "fastPeriod")]
    [InlineData("""{"symbol":"SPX","speed":3}""", "speed")]
    [InlineData("""{"fastPeriod":5}""", "parameters")]
    [InlineData("""{"symbol":null}""", "symbol")]
    [InlineData("""[1,2]""", "parameters")]
    [InlineData("""{"symbol":""", "parameters")]
    public void Malformed_parameters_are_reported_against_the_offending_field(string json, string field)
    {
        var creation = StrategyCatalog.Create("sma-crossover", json);
        creation.Succeeded.ShouldBeFalse();
        creation.Errors.ShouldHaveSingleItem().Field.ShouldBe(field);
    }

    [Fact]
    public void An_unknown_strategy_name_is_an_error_listing_the_known_ones()
    {
        var creation = StrategyCatalog.Create("martingale", "{}");
        creation.Errors.ShouldHaveSingleItem().Field.ShouldBe("strategy");
        creation.Errors[0].Message.ShouldContain("sma-crossover");
    }

    [Fact]
    public void Rules_are_created_through_the_catalog_with_json_path_errors()
    {
        StrategyCatalog.Create(RuleStrategyParser.StrategyName, RuleStrategyParser.ExampleJson).Strategy.ShouldBeOfType<RuleStrategy>();
        var creation = StrategyCatalog.Create("rules", """{"symbols":["SPX"],"entry":{"all":[]},"exit":{"op":">","left":"close","right":1},"sizing":{"fractionOfEquity":0.5}}""");
        creation.Errors.ShouldHaveSingleItem().Field.ShouldBe("$.entry.all");
    }
}
