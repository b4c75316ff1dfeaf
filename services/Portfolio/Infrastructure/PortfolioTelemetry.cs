using System.Diagnostics;

namespace TradeNova.Portfolio.Infrastructure;

/// <summary>The service's own spans; exported because ServiceDefaults listens to every <c>TradeNova.*</c> source.</summary>
public static class PortfolioTelemetry
{
    public static readonly ActivitySource ActivitySource = new("TradeNova.Portfolio");
}
