using TradeNova.Backtest.Requests;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Backtest.Running;

/// <summary>Checks <c>data</c>: Alpaca bars need a start (Alpaca has no "whole history") and come in one of the timeframes
/// Alpaca documents that the lab offers (daily by default; intraday bars keep their times, and the engine still keeps
/// equity and statistics at each day's close).</summary>
public static class DataSpecValidator
{
    public const string Alpaca = "alpaca";
    public const string Platform = "platform";
    public const string Daily = "1Day";

    /// <summary>Alpaca's timeframes the lab takes.</summary>
    public static readonly IReadOnlyList<string> Timeframes = ["1Min", "5Min", "15Min", "1Hour", Daily];

    /// <summary>The earliest day Alpaca's stock bars cover.</summary>
    public static readonly DateOnly EarliestAlpacaDay = new(2016, 1, 1);

    public static void Check(BacktestRequest request, ValidationErrors errors)
    {
        if (request.Data is not { } data)
            return;
        errors.Check(data.Source is Alpaca or Platform, "data.source", $"One of alpaca, platform; got {Shown(data.Source)}.");
        if (data.Source != Alpaca)
            return;
        errors.Check(data.Timeframe is null || Timeframes.Contains(data.Timeframe), "data.timeframe",
            $"One of {string.Join(", ", Timeframes)} (or leave it out for {Daily}); got {Shown(data.Timeframe)}.");
        errors.Check(request.Start is not null, "start", "Alpaca bars need a start date, e.g. 2021-01-04.");
        errors.Check(request.Start is null || request.Start >= EarliestAlpacaDay, "start", $"Alpaca's stock bars begin {EarliestAlpacaDay:yyyy-MM-dd}.");
    }

    public static bool UsesAlpaca(BacktestRequest request) => request.Data?.Source == Alpaca;

    private static string Shown(string? value) => value is null ? "nothing" : value.Length > 20 ? value[..20] + "…" : value;
}
