namespace TradeNova.Fuzz;

/// <summary>What came back: an HTTP status, or no response (connection closed or reset first, or the timeout).</summary>
public sealed record FuzzOutcome(int Status, string? Failure, string Excerpt)
{
    public string Label => Status > 0 ? Status.ToString(System.Globalization.CultureInfo.InvariantCulture) : Failure ?? "no-response";

    public bool IsServerError => Status >= 500 && !IsUpstreamUnavailable;

    /// <summary>The documented answer when Alpaca cannot be reached to verify a user's keys (a machine without outbound
    /// HTTPS): 503 <c>broker-unavailable</c>, nothing stored. The platform's own answer about a third party, not a fault.</summary>
    public bool IsUpstreamUnavailable => Status == 503 && Excerpt.Contains("/problems/broker-unavailable", StringComparison.Ordinal);
}
