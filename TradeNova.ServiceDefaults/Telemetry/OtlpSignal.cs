namespace TradeNova.ServiceDefaults.Telemetry;

public enum OtlpSignal
{
    Traces,
    Metrics,
    Logs,
}
