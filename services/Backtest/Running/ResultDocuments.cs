using System.Text.Json;

namespace TradeNova.Backtest.Running;

/// <summary>A finished job's result as the JSON documents that are stored: the payload the API returns, and the
/// primary run's trades and equity that back the CSV exports. Those two are null when the payload already holds that
/// run in full (a single backtest, an optimisation's best run): a 20-year equity curve is half a megabyte of JSON, not
/// worth writing twice. <see cref="TradesSql"/> and <see cref="EquitySql"/> read them back either way.</summary>
public sealed record ResultDocuments(string Payload, string? Trades, string? Equity)
{
    /// <summary>The stored trades of a result row <c>r</c>: its own column, else its payload run's.</summary>
    public const string TradesSql = "COALESCE(r.trades, r.payload->'trades', r.payload->'bestRun'->'trades', '[]')::text";

    /// <summary>The stored equity of a result row <c>r</c>: its own column, else its payload run's.</summary>
    public const string EquitySql = "COALESCE(r.equity, r.payload->'equity', r.payload->'bestRun'->'equity', '[]')::text";

    public static ResultDocuments Of(JobOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var context = ResultJsonContext.Default;
        var payload = JsonSerializer.Serialize(outcome.Payload, context.GetTypeInfo(outcome.Payload.GetType())
            ?? throw new NotSupportedException($"No serialiser for {outcome.Payload.GetType()}."));
        var inPayload = outcome.Payload switch
        {
            RunOutput run => run,
            OptimizationOutput { BestRun: { } best } => best,
            _ => null,
        };
        var sameTrades = inPayload is not null && ReferenceEquals(inPayload.Trades, outcome.Trades);
        var sameEquity = inPayload is not null && ReferenceEquals(inPayload.Equity, outcome.Equity);
        return new ResultDocuments(
            payload,
            sameTrades ? null : JsonSerializer.Serialize(outcome.Trades, context.IReadOnlyListTradeRow),
            sameEquity ? null : JsonSerializer.Serialize(outcome.Equity, context.IReadOnlyListEquityRow));
    }
}
