namespace TradeNova.Execution.Brokers.Alpaca.Live;

/// <summary>Stable <c>broker.*</c> reason codes of live orders that end without reaching (or being kept by) Alpaca.</summary>
public static class AlpacaReasonCodes
{
    /// <summary>Alpaca refused the order (403 such as buying power, 422 such as a price increment).</summary>
    public const string Rejected = "broker.rejected";

    /// <summary>Alpaca refused the connection's keys (revoked or rotated outside TradeNova).</summary>
    public const string Unauthorized = "broker.unauthorized";

    /// <summary>Accepted by Risk but never sent before it grew too old (Execution was down): not sent late.</summary>
    public const string NotSent = "broker.not_sent";

    /// <summary>A submission went unanswered and Alpaca still did not know the order once it was too old to resend.</summary>
    public const string Unconfirmed = "broker.unconfirmed";

    public const string NotCancelable = "broker.not_cancelable";

    public const string Unavailable = "broker.unavailable";
}
