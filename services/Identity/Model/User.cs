namespace TradeNova.Identity.Model;

public sealed class User
{
    public Guid Id { get; init; }

    public required string Email { get; init; }

    /// <summary>Upper-invariant email; the unique index on it makes emails unique regardless of case.</summary>
    public required string NormalizedEmail { get; init; }

    public required string DisplayName { get; set; }

    public required string PasswordHash { get; set; }

    public required string Role { get; set; }

    public required string Plan { get; set; }

    public required string SubscriptionStatus { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();
}
