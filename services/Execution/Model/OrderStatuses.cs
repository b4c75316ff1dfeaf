namespace TradeNova.Execution.Model;

/// <summary>
/// The order state machine. Every transition is a row in <c>order_events</c>; <see cref="CanTransition"/> is the
/// whole rule book, so the API, the exchange worker, the recovery sweep and the consumers cannot disagree.
/// </summary>
public static class OrderStatuses
{
    public const string PendingRisk = "pending_risk";
    public const string Accepted = "accepted";
    public const string PartiallyFilled = "partially_filled";
    public const string Filled = "filled";
    public const string Canceled = "canceled";
    public const string Rejected = "rejected";
    public const string Expired = "expired";
    public const string Replaced = "replaced";

    public static readonly IReadOnlyList<string> All =
        [PendingRisk, Accepted, PartiallyFilled, Filled, Canceled, Rejected, Expired, Replaced];

    /// <summary>Orders that may still change: the ones a cancel, an expiry or a deactivation acts on.</summary>
    public static readonly IReadOnlyList<string> Open = [PendingRisk, Accepted, PartiallyFilled];

    /// <summary>Orders resting at (or on their way to) the exchange.</summary>
    public static readonly IReadOnlyList<string> Working = [Accepted, PartiallyFilled];

    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        [PendingRisk] = [Accepted, Rejected, Canceled],
        // accepted → rejected is the broker refusing an order Risk approved (e.g. a notional below one share step).
        [Accepted] = [PartiallyFilled, Filled, Canceled, Expired, Replaced, Rejected],
        [PartiallyFilled] = [PartiallyFilled, Filled, Canceled, Expired, Replaced],
    };

    public static bool IsFinal(string status) => !Allowed.ContainsKey(status);

    public static bool IsOpen(string status) => Open.Contains(status, StringComparer.Ordinal);

    public static bool IsKnown(string status) => All.Contains(status, StringComparer.Ordinal);

    public static bool CanTransition(string from, string to) =>
        Allowed.TryGetValue(from, out var targets) && targets.Contains(to, StringComparer.Ordinal);
}
