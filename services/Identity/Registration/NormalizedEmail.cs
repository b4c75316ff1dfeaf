namespace TradeNova.Identity.Registration;

/// <summary>
/// An address in canonical form: <paramref name="Address"/> keeps the local part's case for mail (Unicode NFKC, the domain
/// in lower-case ASCII without a trailing dot); <paramref name="Key"/> is all lower case and decides uniqueness.
/// </summary>
public sealed record NormalizedEmail(string Address, string Key);
