namespace TradeNova.Identity.Tokens;

public enum RefreshOutcome
{
    Rotated,
    Unknown,
    Expired,
    Reused,
}
