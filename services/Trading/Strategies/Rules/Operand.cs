namespace TradeNova.Trading.Strategies.Rules;

/// <summary>A value a comparison reads: <see cref="ConstantOperand"/>, <see cref="PriceOperand"/> or
/// <see cref="IndicatorOperand"/>.</summary>
public abstract record Operand;
