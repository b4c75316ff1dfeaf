using System.Security.Cryptography;
using System.Text;
using TradeNova.Execution.Credentials;

namespace TradeNova.UnitTests.Alpaca;

public class CredentialCipherTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] Owner = Encoding.UTF8.GetBytes("user-1/alpaca/paper");
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("""{"keyId":"PKABCDEF","secretKey":"very-secret"}""");

    [Fact]
    public void Sealed_credentials_open_with_the_same_key_and_owner()
    {
        CredentialCipher.Open(CredentialCipher.Seal(Secret, Owner, Key), Owner, Key).ShouldBe(Secret);
    }

    [Fact]
    public void Sealing_twice_gives_different_bytes_and_neither_contains_the_plaintext()
    {
        var first = CredentialCipher.Seal(Secret, Owner, Key);
        var second = CredentialCipher.Seal(Secret, Owner, Key);

        first.ShouldNotBe(second);
        Convert.ToHexString(first).ShouldNotContain(Convert.ToHexString(Encoding.UTF8.GetBytes("very-secret")));
    }

    [Fact]
    public void Another_owner_another_key_or_an_altered_byte_cannot_open_it()
    {
        var sealedBytes = CredentialCipher.Seal(Secret, Owner, Key);
        var altered = (byte[])sealedBytes.Clone();
        altered[^1] ^= 1;

        Should.Throw<CryptographicException>(() => CredentialCipher.Open(sealedBytes, Encoding.UTF8.GetBytes("user-2/alpaca/paper"), Key));
        Should.Throw<CryptographicException>(() => CredentialCipher.Open(sealedBytes, Owner, RandomNumberGenerator.GetBytes(32)));
        Should.Throw<CryptographicException>(() => CredentialCipher.Open(altered, Owner, Key));
    }
}
