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
            Email = email is null ? null : Truncate(email, MaxEmailLength),
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            Detail = detail is null ? null : Truncate(detail, MaxDetailLength),
        });

    /// <summary>
    /// At most <paramref name="maxLength"/> UTF-16 units of <paramref name="value"/>, never ending in the first half of a
    /// surrogate pair (which would make the result unstorable).
    /// </summary>
    public static string Truncate(string value, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        if (value.Length <= maxLength)
            return value;
        var cut = maxLength;
        if (cut > 0 && char.IsHighSurrogate(value[cut - 1]))
            cut--;
        return value[..cut];
    }
}
