namespace TradeNova.Contracts.Risk;

/// <summary>
/// Opening orders for the user are blocked. <paramref name="Code"/> is <c>risk.daily_loss_halt</c> (until
/// <paramref name="Until"/>, the next session), <c>risk.drawdown_halt</c> (until the user or an admin resumes) or
/// <c>risk.kill_switch</c> (an admin). Orders that only reduce or close a position still pass.
/// </summary>
public sealed record TradingHalted(Guid UserId, string Code, string Reason, DateTimeOffset HaltedAt, DateTimeOffset? Until, string Mode = "paper");
