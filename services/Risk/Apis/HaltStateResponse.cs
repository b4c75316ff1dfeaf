namespace TradeNova.Risk.Apis;

/// <summary>The halts in force on the caller's opening orders (closing orders always pass).</summary>
public sealed record HaltStateResponse(bool Halted, IReadOnlyList<HaltEntry> Halts);

/// <summary><paramref name="Code"/>: <c>risk.daily_loss_halt</c>, <c>risk.drawdown_halt</c> or <c>risk.kill_switch</c>;
/// <paramref name="CanResume"/> is true when the user may lift it (POST /api/v1/risk/resume).</summary>
public sealed record HaltEntry(string Code, string Reason, DateTimeOffset? Since, DateTimeOffset? Until, bool CanResume);
