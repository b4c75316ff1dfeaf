namespace TradeNova.Identity.Model;

public sealed class User
{
    public Guid Id { get; init; }

    public required string Email { get; init; }

    /// <summary>
    /// <see cref="Registration.EmailNormalizer"/>'s key (NFKC, ASCII domain, lower case); the unique index on it makes one
    /// account per mailbox however the address is spelled.
    /// </summary>
    public required string NormalizedEmail { get; init; }

    public required string DisplayName { get; set; }

    public required string PasswordHash { get; set; }

    public required string Role { get; set; }

    public required string Plan { get; set; }

    public required string SubscriptionStatus { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When an administrator suspended the account: sign-in and refresh are refused. Null while it may sign in.</summary>
    public DateTimeOffset? SuspendedAt { get; set; }

    /// <summary>The administrator's reason for the suspension in force.</summary>
    public string? SuspendedReason { get; set; }
}
