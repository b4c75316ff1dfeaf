namespace TradeNova.Billing.Domain;

public static class BillingTime
{
    /// <summary>PostgreSQL keeps microseconds; truncating first means a value read back equals the one written.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);

    public static DateTimeOffset Now(this TimeProvider time) => Truncate(time.GetUtcNow());

    public static DateTimeOffset FromUnix(DateTime value) =>
        Truncate(new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)));
}
