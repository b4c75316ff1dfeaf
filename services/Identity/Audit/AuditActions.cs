namespace TradeNova.Identity.Audit;

public static class AuditActions
{
    public const string Registered = "user.registered";
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string LoginLocked = "login.locked";
    public const string LoginThrottled = "login.throttled";
    public const string LoginSuspended = "login.suspended";
    public const string Suspended = "user.suspended";
    public const string Reinstated = "user.reinstated";
    public const string SessionsEndedByAdmin = "sessions.ended_by_admin";
    public const string RefreshReused = "refresh.reused";
    public const string LoggedOut = "session.ended";
    public const string AllSessionsEnded = "sessions.all_ended";
    public const string PasswordChanged = "password.changed";
    public const string PasswordChangeFailed = "password.change_failed";
    public const string PasswordResetIssued = "password.reset_issued";
    public const string PasswordReset = "password.reset";
    public const string PasswordResetRefused = "password.reset_refused";
}
