using System.Security.Cryptography;
using System.Text;

namespace TradeNova.Identity.Tokens;

/// <summary>Refresh tokens are 256 random bits; only their SHA-256 is stored, so a database leak cannot be replayed.</summary>
public static class RefreshTokenHasher
{
    public static string NewToken() => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
