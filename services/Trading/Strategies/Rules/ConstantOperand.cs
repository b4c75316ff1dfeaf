namespace TradeNova.Trading.Strategies.Rules;

public sealed record ConstantOperand(double Value) : Operand;
