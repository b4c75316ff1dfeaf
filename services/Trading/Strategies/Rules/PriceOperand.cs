using TradeNova.Trading.Indicators;

namespace TradeNova.Trading.Strategies.Rules;

/// <summary>A field of the symbol's bar, <paramref name="BarsAgo"/> bars back (0 = the current bar).</summary>
public sealed record PriceOperand(PriceSource Field, int BarsAgo = 0) : Operand;
