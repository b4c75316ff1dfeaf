namespace TradeNova.Risk.Model;

/// <summary>The platform-wide kill switch (a single row, id 1): while active every opening order is refused.</summary>
public sealed class PlatformHalt
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;

    public bool Active { get; set; }

    public string? Reason { get; set; }

    public Guid? ChangedBy { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
