namespace TradeNova.Fuzz;

/// <summary>What came back: an HTTP status, or no response (connection closed or reset first, or the timeout).</summary>
public sealed record FuzzOutcome(int Status, string? Failure, string Excerpt)
{
    public string Label => Status > 0 ? Status.ToString(System.Globalization.CultureInfo.InvariantCulture) : Failure ?? "no-response";

    public bool IsServerError => Status >= 500;
}
