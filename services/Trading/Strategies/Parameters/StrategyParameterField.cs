namespace TradeNova.Trading.Strategies.Parameters;

/// <summary>A parameter field of a catalogue strategy: <c>integer</c> or <c>number</c> with its bounds, <c>symbol</c> or
/// <c>symbols</c>. <paramref name="ExclusiveMinimum"/> marks a lower bound that is not itself allowed.</summary>
public sealed record StrategyParameterField(
    string Name, string Type, string Label, object Default, decimal? Minimum = null, decimal? Maximum = null,
    bool ExclusiveMinimum = false, bool ExclusiveMaximum = false, int? MinItems = null);
