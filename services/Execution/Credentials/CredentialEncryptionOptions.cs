namespace TradeNova.Execution.Credentials;

/// <summary>
/// <c>TradeNova:Execution:CredentialEncryption</c>: the key-encryption keys (32 random bytes each, base64), by id, and
/// which one seals new credentials. To rotate: add a key, make it active, keep the old one until the rotation job has
/// re-encrypted every row (it logs when none is left), then remove it. From the environment or a secret store, never the repo.
/// </summary>
public sealed class CredentialEncryptionOptions
{
    public string? ActiveKeyId { get; set; }

    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How often the rotation job looks for rows sealed under a key that is not the active one.</summary>
    public TimeSpan RotationInterval { get; set; } = TimeSpan.FromMinutes(10);
}
