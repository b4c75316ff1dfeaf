namespace TradeNova.Execution.Exchange;

/// <summary>A broker's answer: accepted, or refused with a stable <c>broker.*</c> code and a sentence.</summary>
public sealed record BrokerAck(bool Accepted, string? Code = null, string? Message = null)
{
    public static readonly BrokerAck Ok = new(true);
}
