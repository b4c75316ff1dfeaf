using System.Diagnostics;

namespace TradeNova.Execution.Infrastructure;

/// <summary>The service's own spans; exported because ServiceDefaults listens to every <c>TradeNova.*</c> source.</summary>
public static class ExecutionTelemetry
{
    public static readonly ActivitySource ActivitySource = new("TradeNova.Execution");
}
