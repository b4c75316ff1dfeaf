using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TradeNova.Backtest.Apis;
using TradeNova.Backtest.Running;
using TradeNova.Execution.Apis;
using TradeNova.Execution.Strategies;

namespace TradeNova.UnitTests.Backtest;

/// <summary>The lab's catalogue and the live strategies' catalogue describe strategies from one table: the same fields,
/// bounds and rule language, in the JSON shape the SPA reads; only the symbol defaults differ.</summary>
public sealed class StrategyCatalogRoutesTests
{
    [Fact]
    public void The_lab_and_live_catalogues_give_the_same_fields_and_rule_language_with_their_own_symbol_defaults()
    {
        var lab = Json(BacktestsApi.GetCatalog(Options.Create(new BacktestLimits())).Value!);
        var live = Json(StrategiesApi.GetCatalog(Options.Create(new StrategyOptions())).Value!);

        JsonNode.DeepEquals(lab["ruleLanguage"], live["ruleLanguage"]).ShouldBeTrue();
        var labStrategies = WithoutSymbolDefaults(lab["strategies"]!.AsArray());
        var liveStrategies = WithoutSymbolDefaults(live["strategies"]!.AsArray());
        JsonNode.DeepEquals(labStrategies, liveStrategies).ShouldBeTrue();

        var period = lab["strategies"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "sma-crossover")!["parameters"]![1]!.AsObject();
        period.Select(p => p.Key).ShouldBe(["name", "type", "label", "default", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems"]);
        lab["strategies"]![1]!["parameters"]![0]!["default"]!.GetValue<string>().ShouldBe("SPX");
        live["strategies"]![1]!["parameters"]![0]!["default"]!.GetValue<string>().ShouldBe("SPY");
    }

    private static JsonObject Json<T>(T value) => JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web)!.AsObject();

    private static JsonArray WithoutSymbolDefaults(JsonArray strategies)
    {
        var copy = strategies.DeepClone().AsArray();
        foreach (var field in copy.SelectMany(s => s!["parameters"]!.AsArray()))
        {
            if (field!["type"]!.GetValue<string>() is "symbol" or "symbols")
            {
                field["default"] = null;
            }
        }

        return copy;
    }
}
