namespace TradeNova.Identity.Model;

/// <summary>
/// An ES256 key pair. The active key signs; inactive keys stay published in the JWKS until
/// <see cref="ExpiresAt"/> so tokens they signed still verify.
/// </summary>
public sealed class SigningKey
{
    public required string Kid { get; init; }

    /// <summary>PKCS#8 private key. Only the identity role can read this schema.</summary>
    public required byte[] PrivateKey { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public bool IsActive { get; set; }

    /// <summary>Null while active; set when the key is rotated out.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}
