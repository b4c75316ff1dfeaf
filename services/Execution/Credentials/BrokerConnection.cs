namespace TradeNova.Execution.Credentials;

/// <summary>
/// A user's connection to their broker. The key pair exists only inside <see cref="SealedCredentials"/> (AES-256-GCM,
/// see <see cref="CredentialCipher"/>); the rest is what the SPA may show.
/// </summary>
public sealed class BrokerConnection
{
    public Guid UserId { get; init; }

    /// <summary>Only <c>alpaca</c> for now.</summary>
    public required string Broker { get; init; }

    /// <summary><c>paper</c> or <c>live</c>: which Alpaca endpoint the keys belong to.</summary>
    public required string Environment { get; set; }

    /// <summary>The key id masked for display, e.g. <c>PK••••7XQ2</c>.</summary>
    public required string MaskedKeyId { get; set; }

    public required string AccountNumber { get; set; }

    public string? AccountStatus { get; set; }

    /// <summary>The id of the key-encryption key that sealed <see cref="SealedCredentials"/>.</summary>
    public required string KeyEncryptionKeyId { get; set; }

    public required byte[] SealedCredentials { get; set; }

    public DateTimeOffset ConnectedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
