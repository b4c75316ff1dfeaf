namespace TradeNova.Execution.Brokers.Alpaca;

public enum AlpacaErrorKind
{
    /// <summary>401: the key pair is wrong or revoked.</summary>
    Unauthorized,

    /// <summary>403: the keys are valid but may not do this (e.g. insufficient buying power, account blocked).</summary>
    Forbidden,

    /// <summary>404: no such order, position or symbol.</summary>
    NotFound,

    /// <summary>422: Alpaca refused the request's content (bad price increment, duplicate client_order_id, ...).</summary>
    Unprocessable,

    /// <summary>429, or this connection's own limiter could not grant a permit in time.</summary>
    RateLimited,

    /// <summary>5xx, a timeout, a refused connection or this connection's open circuit breaker.</summary>
    Unavailable,

    /// <summary>
    /// A submission timed out (or the connection broke after sending) and the order was not found by its
    /// client_order_id afterwards: it may or may not exist. It was not sent again.
    /// </summary>
    SubmissionUnconfirmed,

    /// <summary>Any other answer Alpaca's documentation does not describe.</summary>
    Unexpected,
}
