using System.Diagnostics;

namespace TradeNova.ServiceDefaults.Messaging;

internal static class MessagingTelemetry
{
    public static readonly ActivitySource ActivitySource = new("TradeNova.Messaging");
}
