using System.Globalization;
using System.Text;
using TradeNova.Backtest.Running;

namespace TradeNova.Backtest.Apis;

/// <summary>Trades and equity as CSV with invariant formatting and full decimal precision.</summary>
public static class CsvExport
{
    public static byte[] Trades(IEnumerable<TradeRow> trades)
    {
        var csv = new StringBuilder("strategy,symbol,quantity,entry_time,entry_price,exit_time,exit_price,fees,net_profit,exit_reason\n");
        foreach (var t in trades)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{Quote(t.Strategy)},{Quote(t.Symbol)},{t.Quantity},{t.EntryTime:yyyy-MM-dd'T'HH:mm:ssZ},{t.EntryPrice},{t.ExitTime:yyyy-MM-dd'T'HH:mm:ssZ},{t.ExitPrice},{t.Fees},{t.NetProfit},{Quote(t.ExitReason)}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    public static byte[] Equity(IEnumerable<EquityRow> equity)
    {
        var csv = new StringBuilder("date,equity,drawdown\n");
        foreach (var e in equity)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{e.Time:yyyy-MM-dd},{e.Equity},{e.Drawdown:R}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>Quotes a text field and neutralises a leading formula character, so a spreadsheet never runs it.</summary>
    private static string Quote(string? text)
    {
        var value = text ?? "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
            value = "'" + value;
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
