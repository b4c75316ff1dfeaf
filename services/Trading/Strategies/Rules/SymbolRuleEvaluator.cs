using TradeNova.Trading.Data;
using TradeNova.Trading.Indicators;

namespace TradeNova.Trading.Strategies.Rules;

/// <summary>The compiled entry and exit conditions of a rule strategy for one symbol, with that symbol's own indicator
/// instances. Identical indicator specs share one instance and identical sources share one series, so a rule that
/// mentions SMA(20) five times updates it once per bar.</summary>
internal sealed class SymbolRuleEvaluator
{
    private readonly Dictionary<IndicatorSpec, IIndicator> _indicators = [];
    private readonly Dictionary<(IndicatorSpec?, string, PriceSource), OperandSeries> _series = [];
    private readonly Dictionary<(IndicatorSpec?, string, PriceSource), int> _depths;
    private readonly List<IIndicator> _updateOrder = [];
    private readonly List<OperandSeries> _captureOrder = [];
    private readonly CompiledCondition _entry;
    private readonly CompiledCondition _exit;
    private Bar _bar;

    public SymbolRuleEvaluator(RuleStrategyDefinition definition)
    {
        _depths = [];
        CollectDepths(definition.Entry);
        CollectDepths(definition.Exit);
        _entry = Compile(definition.Entry);
        _exit = Compile(definition.Exit);
    }

    /// <summary>Feeds the symbol's current bar to every indicator, then records every operand's value.</summary>
    public void Update(in Bar bar)
    {
        _bar = bar;
        foreach (var indicator in _updateOrder)
            indicator.Update(bar);
        foreach (var series in _captureOrder)
            series.Capture();
    }

    public bool EntryHolds() => _entry.Evaluate();

    public bool ExitHolds() => _exit.Evaluate();

    private static (IndicatorSpec?, string, PriceSource) KeyOf(Operand operand) => operand switch
    {
        IndicatorOperand i => (i.Indicator, i.Output, PriceSource.Close),
        PriceOperand p => (null, "", p.Field),
        _ => throw new ArgumentOutOfRangeException(nameof(operand)),
    };

    /// <summary>Each series keeps max(barsAgo) + 2 values: the deepest look-back plus one more for crosses.</summary>
    private void CollectDepths(ConditionNode node)
    {
        switch (node)
        {
            case AllCondition all:
                all.Conditions.ToList().ForEach(CollectDepths);
                break;
            case AnyCondition any:
                any.Conditions.ToList().ForEach(CollectDepths);
                break;
            case ComparisonCondition comparison:
                foreach (var operand in new[] { comparison.Left, comparison.Right })
                {
                    var barsAgo = operand switch { IndicatorOperand i => i.BarsAgo, PriceOperand p => p.BarsAgo, _ => -1 };
                    if (barsAgo >= 0)
                        _depths[KeyOf(operand)] = Math.Max(_depths.GetValueOrDefault(KeyOf(operand)), barsAgo + 2);
                }
                break;
        }
    }

    private CompiledCondition Compile(ConditionNode node) => node switch
    {
        AllCondition all => new CompiledAll([.. all.Conditions.Select(Compile)]),
        AnyCondition any => new CompiledAny([.. any.Conditions.Select(Compile)]),
        ComparisonCondition c => new CompiledComparison(c.Operator, Compile(c.Left), Compile(c.Right)),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private RuleValue Compile(Operand operand) => operand switch
    {
        ConstantOperand constant => new ConstantRuleValue(constant.Value),
        IndicatorOperand indicator => new SeriesRuleValue(Series(operand, () => IndicatorReader(indicator)), indicator.BarsAgo),
        PriceOperand price => new SeriesRuleValue(Series(operand, () => () => price.Field.Read(_bar)), price.BarsAgo),
        _ => throw new ArgumentOutOfRangeException(nameof(operand)),
    };

    private OperandSeries Series(Operand operand, Func<Func<double>> source)
    {
        var key = KeyOf(operand);
        if (!_series.TryGetValue(key, out var series))
        {
            series = new OperandSeries(source(), _depths[key]);
            _series[key] = series;
            _captureOrder.Add(series);
        }
        return series;
    }

    private Func<double> IndicatorReader(IndicatorOperand operand)
    {
        var kind = RuleIndicatorKinds.ByName[operand.Indicator.Kind];
        if (!_indicators.TryGetValue(operand.Indicator, out var indicator))
        {
            indicator = kind.Create(operand.Indicator);
            _indicators[operand.Indicator] = indicator;
            _updateOrder.Add(indicator);
        }
        return kind.Reader(indicator, operand.Output);
    }
}
