namespace TradeNova.Execution.Exchange;

/// <summary>Picks the adapter for an order's mode; a mode without one (live, until Alpaca lands) has none.</summary>
public sealed class BrokerRouter(IEnumerable<IBrokerAdapter> adapters)
{
    public const string NotConnected = "broker.not_connected";

    public IBrokerAdapter? For(string mode) => adapters.FirstOrDefault(a => a.Mode == mode);
}
