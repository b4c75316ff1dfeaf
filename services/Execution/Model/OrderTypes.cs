namespace TradeNova.Execution.Model;

public static class OrderTypes
{
    public const string Market = "market";
    public const string Limit = "limit";
    public const string Stop = "stop";
    public const string StopLimit = "stop_limit";

    public static readonly IReadOnlyList<string> All = [Market, Limit, Stop, StopLimit];

    public static bool NeedsLimitPrice(string type) => type is Limit or StopLimit;

    public static bool NeedsStopPrice(string type) => type is Stop or StopLimit;
}
