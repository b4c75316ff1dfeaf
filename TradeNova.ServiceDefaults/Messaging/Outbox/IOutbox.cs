namespace TradeNova.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Stages integration events in the service's DbContext. Nothing leaves the process until the caller's
/// <c>SaveChangesAsync</c> (or transaction) commits; then the dispatcher publishes (the relay, if it could not).
/// </summary>
public interface IOutbox
{
    void Add<T>(T message)
        where T : class;
}
