using System.Diagnostics;

namespace TradeNova.Backtest.Infrastructure;

/// <summary>The service's own spans; exported because ServiceDefaults listens to every <c>TradeNova.*</c> source.</summary>
public static class BacktestTelemetry
{
    public static readonly ActivitySource ActivitySource = new("TradeNova.Backtest");
}
