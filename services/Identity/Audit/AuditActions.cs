namespace TradeNova.Identity.Audit;

public static class AuditActions
{
    public const string Registered = "user.registered";
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string LoginLocked = "login.locked";
    public const string LoginThrottled = "login.throttled";
    public const string RefreshReused = "refresh.reused";
}
