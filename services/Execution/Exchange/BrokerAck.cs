namespace TradeNova.Execution.Exchange;

/// <summary>
/// A broker's answer: accepted, or refused with a stable <c>broker.*</c> code and a sentence. <see cref="Deferred"/>:
/// accepted for sending after the caller commits (a remote broker); the order stays unacknowledged until it answers.
/// </summary>
public sealed record BrokerAck(bool Accepted, string? Code = null, string? Message = null, bool Deferred = false)
{
    public static readonly BrokerAck Ok = new(true);

    public static readonly BrokerAck Later = new(true, Deferred: true);
}
