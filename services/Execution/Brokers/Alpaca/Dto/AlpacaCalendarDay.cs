namespace TradeNova.Execution.Brokers.Alpaca.Dto;

/// <summary>One trading day of <c>GET /v2/calendar</c>; <see cref="Open"/> and <see cref="Close"/> are New York times ("09:30").</summary>
public sealed record AlpacaCalendarDay
{
    public required DateOnly Date { get; init; }

    public required string Open { get; init; }

    public required string Close { get; init; }

    public string? SessionOpen { get; init; }

    public string? SessionClose { get; init; }

    public DateOnly? SettlementDate { get; init; }
}
