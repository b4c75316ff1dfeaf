using Microsoft.Extensions.Options;

namespace TradeNova.Execution.Credentials;

/// <summary>The configured key-encryption keys. Missing or malformed configuration disables broker connections, nothing else.</summary>
public sealed class CredentialKeyRing(IOptionsMonitor<CredentialEncryptionOptions> options)
{
    public bool IsConfigured => TryActive(out _, out _);

    /// <summary>The key that seals new credentials.</summary>
    public (string Id, byte[] Key) Active =>
        TryActive(out var id, out var key)
            ? (id, key)
            : throw new CredentialEncryptionUnavailableException("No active 32-byte credential encryption key is configured (TradeNova:Execution:CredentialEncryption).");

    public byte[] Get(string keyId) =>
        options.CurrentValue.Keys.TryGetValue(keyId, out var encoded) && Decode(encoded) is { } key
            ? key
            : throw new CredentialEncryptionUnavailableException($"Credential encryption key '{keyId}' is not configured (any more).");

    private bool TryActive(out string id, out byte[] key)
    {
        var current = options.CurrentValue;
        id = current.ActiveKeyId ?? "";
        key = [];
        if (string.IsNullOrEmpty(current.ActiveKeyId) || !current.Keys.TryGetValue(current.ActiveKeyId, out var encoded) || Decode(encoded) is not { } decoded)
        {
            return false;
        }

        key = decoded;
        return true;
    }

    private static byte[]? Decode(string encoded)
    {
        Span<byte> buffer = stackalloc byte[64];
        return Convert.TryFromBase64String(encoded.Trim(), buffer, out var written) && written == CredentialCipher.KeySize
            ? buffer[..written].ToArray()
            : null;
    }
}
