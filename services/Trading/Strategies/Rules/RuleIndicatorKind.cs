using TradeNova.Trading.Indicators;

namespace TradeNova.Trading.Strategies.Rules;

/// <summary>One indicator the rule format offers: its settings, its outputs (the first is the default), whether it
/// takes a <c>source</c> price field, and how to build and read it.</summary>
internal sealed record RuleIndicatorKind(
    string Name,
    IReadOnlyList<RuleIndicatorParameter> Parameters,
    IReadOnlyList<string> Outputs,
    PriceSource? DefaultSource,
    Func<IndicatorSpec, IIndicator> Create,
    Func<IIndicator, string, Func<double>> Reader);
