namespace TradeNova.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Stages integration events in the service's DbContext. Nothing leaves the process until the caller's
/// <c>SaveChangesAsync</c> (or transaction) commits; then the dispatcher publishes (the relay, if it could not).
/// </summary>
public interface IOutbox
{
    void Add<T>(T message)
        where T : class;

    /// <summary>
    /// A notification published once the caller's transaction commits (or its save, with none), without a row: at
    /// most once, lost if the process stops first or the broker is down then. Only for messages nothing's state
    /// follows (a push to the owner's screens, which read the durable state again when they reconnect); anything a
    /// service applies goes through <see cref="Add{T}"/>.
    /// </summary>
    void Notify<T>(T message)
        where T : class;
}
