using System.Net;

namespace TradeNova.Execution.Brokers.Alpaca;

/// <summary>A typed failure of an Alpaca call. <see cref="Exception.Message"/> carries Alpaca's message, never a credential.</summary>
public sealed class AlpacaApiException(AlpacaErrorKind kind, string message, HttpStatusCode? status = null, long? alpacaCode = null, Exception? inner = null)
    : Exception(message, inner)
{
    public AlpacaErrorKind Kind { get; } = kind;

    public HttpStatusCode? Status { get; } = status;

    /// <summary>Alpaca's own error code, e.g. 40310000.</summary>
    public long? AlpacaCode { get; } = alpacaCode;

    /// <summary>Whether the same call may succeed later without any change (rate limit, outage).</summary>
    public bool IsTransient => Kind is AlpacaErrorKind.RateLimited or AlpacaErrorKind.Unavailable;
}
