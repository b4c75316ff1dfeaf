namespace TradeNova.Identity.Audit;

/// <summary>Stages audit entries in the request's IdentityContext so they commit with the action they describe.</summary>
public sealed class AuditLog(IdentityContext db, TimeProvider time, IHttpContextAccessor http)
{
    public void Record(string action, Guid? userId, string? email, string? detail = null) =>
        db.AuditLog.Add(new AuditLogEntry
        {
            OccurredAt = time.GetUtcNow(),
            Action = action,
            UserId = userId,
            Email = email,
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            Detail = detail,
        });
}
