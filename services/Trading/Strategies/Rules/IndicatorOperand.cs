namespace TradeNova.Trading.Strategies.Rules;

/// <summary>One output of an indicator on the symbol, <paramref name="BarsAgo"/> bars back (0 = as of the current bar).</summary>
public sealed record IndicatorOperand(IndicatorSpec Indicator, string Output, int BarsAgo = 0) : Operand;
