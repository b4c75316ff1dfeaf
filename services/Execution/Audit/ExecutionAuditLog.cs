namespace TradeNova.Execution.Audit;

/// <summary>Stages audit entries on the request's context, so they commit with the action they describe.</summary>
public sealed class ExecutionAuditLog(ExecutionDbContext db, TimeProvider time, IHttpContextAccessor http)
{
    public void Record(Guid userId, string action, string? detail) =>
        db.Set<ExecutionAuditEntry>().Add(new ExecutionAuditEntry
        {
            At = time.GetUtcNow(),
            UserId = userId,
            Action = action,
            Detail = detail,
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
}
