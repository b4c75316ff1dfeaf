namespace TradeNova.Trading.Strategies.Rules;

/// <summary>Safety bounds on a rule strategy, so that a user-supplied document cannot make evaluation arbitrarily
/// expensive (every condition is evaluated on every bar of every symbol).</summary>
public static class RuleLimits
{
    /// <summary>Nesting levels of conditions (a single comparison is depth 1).</summary>
    public const int MaxDepth = 6;

    /// <summary>Condition nodes (all / any / comparisons) over entry and exit together.</summary>
    public const int MaxNodes = 64;

    public const int MaxSymbols = 50;

    /// <summary>How far back an operand may look with <c>barsAgo</c>.</summary>
    public const int MaxBarsAgo = 100;
}
