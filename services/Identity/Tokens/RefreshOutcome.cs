namespace TradeNova.Identity.Tokens;

public enum RefreshOutcome
{
    Rotated,
    Unknown,
    Expired,
    Reused,

    /// <summary>The session was ended (logout, password change, sign-out everywhere, a detected reuse).</summary>
    Revoked,

    /// <summary>An administrator suspended the account; the session is ended.</summary>
    Suspended,
}
