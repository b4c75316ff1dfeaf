namespace TradeNova.Execution.Model;

public static class TimesInForce
{
    /// <summary>Expires at the end of the simulated session (<see cref="Market.TradingSession"/>).</summary>
    public const string Day = "day";
    /// <summary>Good till canceled.</summary>
    public const string Gtc = "gtc";
    /// <summary>Immediate or cancel: what fills at the first tick, the rest is canceled.</summary>
    public const string Ioc = "ioc";
    /// <summary>Fill or kill: all at the first tick, or nothing.</summary>
    public const string Fok = "fok";

    public static readonly IReadOnlyList<string> All = [Day, Gtc, Ioc, Fok];
}
