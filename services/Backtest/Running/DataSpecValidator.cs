using TradeNova.Backtest.Requests;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Backtest.Running;

/// <summary>Checks <c>data</c>: Alpaca bars need a start (Alpaca has no "whole history") and come in the engine's daily bars.</summary>
public static class DataSpecValidator
{
    public const string Alpaca = "alpaca";
    public const string Platform = "platform";
    public const string Daily = "1Day";

    /// <summary>The earliest day Alpaca's stock bars cover.</summary>
    public static readonly DateOnly EarliestAlpacaDay = new(2016, 1, 1);

    public static void Check(BacktestRequest request, ValidationErrors errors)
    {
        if (request.Data is not { } data)
            return;
        errors.Check(data.Source is Alpaca or Platform, "data.source", $"One of alpaca, platform; got {Shown(data.Source)}.");
        if (data.Source != Alpaca)
            return;
        errors.Check(data.Timeframe is null or Daily, "data.timeframe", $"Backtests run on daily bars: use 1Day (or leave it out); got {Shown(data.Timeframe)}.");
        errors.Check(request.Start is not null, "start", "Alpaca bars need a start date, e.g. 2021-01-04.");
        errors.Check(request.Start is null || request.Start >= EarliestAlpacaDay, "start", $"Alpaca's stock bars begin {EarliestAlpacaDay:yyyy-MM-dd}.");
    }

    public static bool UsesAlpaca(BacktestRequest request) => request.Data?.Source == Alpaca;

    private static string Shown(string? value) => value is null ? "nothing" : value.Length > 20 ? value[..20] + "…" : value;
}
