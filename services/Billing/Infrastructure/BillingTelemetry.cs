using System.Diagnostics;

namespace TradeNova.Billing.Infrastructure;

/// <summary>The service's own spans; exported because ServiceDefaults listens to every <c>TradeNova.*</c> source.</summary>
public static class BillingTelemetry
{
    public static readonly ActivitySource ActivitySource = new("TradeNova.Billing");
}
