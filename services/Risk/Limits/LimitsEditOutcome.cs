namespace TradeNova.Risk.Limits;

/// <summary>Result of a limit change: the new profile, or field errors (400), or the fields that only an admin may
/// loosen past the platform defaults (403).</summary>
public sealed record LimitsEditOutcome(RiskProfile? Profile, IDictionary<string, string[]>? Errors, IReadOnlyList<string> NeedsAdmin)
{
    public static LimitsEditOutcome Invalid(IDictionary<string, string[]> errors) => new(null, errors, []);

    public static LimitsEditOutcome Forbidden(IReadOnlyList<string> fields) => new(null, null, fields);

    public static LimitsEditOutcome Changed(RiskProfile profile) => new(profile, null, []);
}
