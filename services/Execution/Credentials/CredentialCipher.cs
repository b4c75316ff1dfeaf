using System.Security.Cryptography;

namespace TradeNova.Execution.Credentials;

/// <summary>
/// Envelope encryption with AES-256-GCM: each record gets a fresh data key that encrypts the secret; the data key is
/// itself encrypted under the configured key-encryption key. Both encryptions bind <c>associatedData</c> (the owner and
/// environment), so a sealed blob copied onto another user's row, or flipped from paper to live, fails to open.
/// Layout: version(1) | key nonce(12) | key tag(16) | wrapped data key(32) | nonce(12) | tag(16) | ciphertext.
/// </summary>
public static class CredentialCipher
{
    public const int KeySize = 32;
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize + TagSize + KeySize + NonceSize + TagSize;

    public static byte[] Seal(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> keyEncryptionKey)
    {
        var sealedBytes = new byte[HeaderSize + plaintext.Length];
        var output = sealedBytes.AsSpan();
        output[0] = Version;
        var keyNonce = output.Slice(1, NonceSize);
        var keyTag = output.Slice(1 + NonceSize, TagSize);
        var wrappedKey = output.Slice(1 + NonceSize + TagSize, KeySize);
        var nonce = output.Slice(1 + NonceSize + TagSize + KeySize, NonceSize);
        var tag = output.Slice(1 + NonceSize + TagSize + KeySize + NonceSize, TagSize);
        var ciphertext = output[HeaderSize..];

        Span<byte> dataKey = stackalloc byte[KeySize];
        try
        {
            RandomNumberGenerator.Fill(dataKey);
            RandomNumberGenerator.Fill(keyNonce);
            RandomNumberGenerator.Fill(nonce);
            using (var wrap = new AesGcm(keyEncryptionKey, TagSize))
            {
                wrap.Encrypt(keyNonce, dataKey, wrappedKey, keyTag, associatedData);
            }

            using var aes = new AesGcm(dataKey, TagSize);
            aes.Encrypt(nonce, plaintext, ciphertext, tag, associatedData);
            return sealedBytes;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>Opens a blob from <see cref="Seal"/>; throws <see cref="CryptographicException"/> if it was altered or the key or associated data differ.</summary>
    public static byte[] Open(ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> keyEncryptionKey)
    {
        if (sealedBytes.Length < HeaderSize || sealedBytes[0] != Version)
        {
            throw new CryptographicException("Not a sealed credential of a known version.");
        }

        var keyNonce = sealedBytes.Slice(1, NonceSize);
        var keyTag = sealedBytes.Slice(1 + NonceSize, TagSize);
        var wrappedKey = sealedBytes.Slice(1 + NonceSize + TagSize, KeySize);
        var nonce = sealedBytes.Slice(1 + NonceSize + TagSize + KeySize, NonceSize);
        var tag = sealedBytes.Slice(1 + NonceSize + TagSize + KeySize + NonceSize, TagSize);
        var ciphertext = sealedBytes[HeaderSize..];

        Span<byte> dataKey = stackalloc byte[KeySize];
        try
        {
            using (var unwrap = new AesGcm(keyEncryptionKey, TagSize))
            {
                unwrap.Decrypt(keyNonce, wrappedKey, keyTag, dataKey, associatedData);
            }

            var plaintext = new byte[ciphertext.Length];
            using var aes = new AesGcm(dataKey, TagSize);
            aes.Decrypt(nonce, ciphertext, tag, plaintext, associatedData);
            return plaintext;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }
}
