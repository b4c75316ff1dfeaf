using System.Diagnostics;

namespace TradeNova.Identity.Infrastructure;

/// <summary>The service's own spans; exported because ServiceDefaults listens to every <c>TradeNova.*</c> source.</summary>
public static class IdentityTelemetry
{
    public static readonly ActivitySource ActivitySource = new("TradeNova.Identity");
}
