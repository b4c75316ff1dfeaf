using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Identity.Audit;

/// <summary>Stages audit entries in the request's IdentityContext so they commit with the action they describe.</summary>
public sealed class AuditLog(IdentityContext db, TimeProvider time, IHttpContextAccessor http)
{
    public const int MaxEmailLength = 254;
    public const int MaxDetailLength = 1000;

    public void Record(string action, Guid? userId, string? email, string? detail = null) =>
        db.AuditLog.Add(new AuditLogEntry
        {
            OccurredAt = time.GetUtcNow(),
            Action = action,
            UserId = userId,
            // Whatever was typed is recorded, cut to the column without splitting a surrogate pair.
            Email = email is null ? null : TextInput.Truncate(email, MaxEmailLength),
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            Detail = detail is null ? null : TextInput.Truncate(detail, MaxDetailLength),
        });
}
