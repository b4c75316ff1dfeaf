using System.Globalization;
using System.Text.Json.Nodes;
using TradeNova.Trading.Strategies;
using TradeNova.Trading.Strategies.Parameters;

namespace TradeNova.Trading.Tests.StrategyTests;

/// <summary>The one parameter table the lab and live strategies describe their fields with agrees with what the catalogue accepts.</summary>
public sealed class StrategyParameterTableTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<StrategyParameterField>> Table = StrategyParameterTable.For(["SPY", "QQQ", "DIA"]);

    public static TheoryData<string> Names => [.. StrategyCatalog.Strategies.Select(s => s.Name)];

    [Fact]
    public void Every_catalogue_strategy_has_fields_and_the_table_names_no_other()
    {
        Table.Keys.ShouldBe(StrategyCatalog.Strategies.Select(s => s.Name), ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_strategy_built_from_the_tables_defaults_is_accepted(string name)
    {
        if (name == "rules")
        {
            Table[name].ShouldBeEmpty("a rules strategy is a document, built with the rule language");
            return;
        }

        var creation = StrategyCatalog.Create(name, Defaults(name).ToJsonString());

        creation.Errors.ShouldBeEmpty();
        creation.Strategy.ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_number_just_past_a_bound_is_refused_by_the_catalogue(string name)
    {
        foreach (var field in Table[name].Where(f => f.Type is "integer" or "number"))
        {
            var step = field.Type == "integer" ? 1m : 0.5m;
            decimal?[] outside =
            [
                field.Minimum - (field.ExclusiveMinimum ? 0m : step),
                field.Maximum + (field.ExclusiveMaximum ? 0m : step),
            ];
            foreach (var value in outside.OfType<decimal>())
            {
                var parameters = Defaults(name);
                parameters[field.Name] = field.Type == "integer" ? (int)value : value;
                StrategyCatalog.Create(name, parameters.ToJsonString()).Errors
                    .ShouldNotBeEmpty($"{name}.{field.Name} = {value.ToString(CultureInfo.InvariantCulture)}");
            }
        }
    }

    [Fact]
    public void The_symbol_defaults_are_the_callers()
    {
        StrategyParameterTable.For(["SPX", "AAA", "BBB"])["sma-crossover"][0].Default.ShouldBe("SPX");
        ((string[])Table["momentum-rotation"][0].Default).ShouldBe(["SPY", "QQQ", "DIA"]);
        Should.Throw<ArgumentException>(() => StrategyParameterTable.For(["SPY"]));
    }

    private static JsonObject Defaults(string name)
    {
        var parameters = new JsonObject();
        foreach (var field in Table[name])
        {
            parameters[field.Name] = field.Default switch
            {
                string[] symbols => new JsonArray([.. symbols.Select(s => (JsonNode)s)]),
                string symbol => symbol,
                int whole => whole,
                _ => JsonValue.Create(Convert.ToDecimal(field.Default, CultureInfo.InvariantCulture)),
            };
        }

        return parameters;
    }
}
