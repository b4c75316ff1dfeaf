using System.Diagnostics;

namespace TradeNova.Risk.Infrastructure;

/// <summary>The service's own spans; exported because ServiceDefaults listens to every <c>TradeNova.*</c> source.</summary>
public static class RiskTelemetry
{
    public static readonly ActivitySource ActivitySource = new("TradeNova.Risk");
}
