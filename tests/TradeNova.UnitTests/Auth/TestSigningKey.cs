using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TradeNova.ServiceDefaults.Auth;

namespace TradeNova.UnitTests.Auth;

/// <summary>A fresh P-256 key with a kid that signs tokens the way Identity does.</summary>
public sealed class TestSigningKey : IDisposable
{
    public const string Issuer = "tradenova-identity";
    public const string Audience = "tradenova";

    private readonly ECDsa _ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TestSigningKey(string kid) => SecurityKey = new ECDsaSecurityKey(_ecdsa) { KeyId = kid };

    public ECDsaSecurityKey SecurityKey { get; }

    public string Kid => SecurityKey.KeyId;

    /// <summary>The public half only, as a verifier would hold it.</summary>
    public SecurityKey PublicKey =>
        new ECDsaSecurityKey(ECDsa.Create(_ecdsa.ExportParameters(includePrivateParameters: false))) { KeyId = Kid };

    public string JwkJson()
    {
        var p = _ecdsa.ExportParameters(includePrivateParameters: false);
        return JsonSerializer.Serialize(new
        {
            kty = "EC",
            crv = "P-256",
            use = "sig",
            alg = "ES256",
            kid = Kid,
            x = Base64UrlEncoder.Encode(p.Q.X),
            y = Base64UrlEncoder.Encode(p.Q.Y),
        });
    }

    public string CreateToken(
        Guid? userId = null,
        string role = TradeNovaRoles.Subscriber,
        string issuer = Issuer,
        string audience = Audience,
        DateTime? expires = null,
        DateTime? notBefore = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore ?? now,
            NotBefore = notBefore ?? now,
            Expires = expires ?? now.AddMinutes(15),
            SigningCredentials = new SigningCredentials(SecurityKey, SecurityAlgorithms.EcdsaSha256),
            Claims = new Dictionary<string, object>
            {
                [TradeNovaClaims.Subject] = (userId ?? Guid.NewGuid()).ToString(),
                [TradeNovaClaims.Email] = "ada@example.com",
                [TradeNovaClaims.Role] = role,
                [TradeNovaClaims.Plan] = "standard",
                [TradeNovaClaims.SubscriptionStatus] = "active",
                [TradeNovaClaims.TokenId] = Guid.NewGuid().ToString("N"),
            },
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>A token with an arbitrary header and an HMAC signature, for algorithm-confusion attempts.</summary>
    public static string CreateHs256Token(string kid, byte[] secret)
    {
        var header = Encode(JsonSerializer.Serialize(new { alg = "HS256", typ = "JWT", kid }));
        var payload = Encode(JsonSerializer.Serialize(new
        {
            sub = Guid.NewGuid().ToString(),
            iss = Issuer,
            aud = Audience,
            exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds(),
        }));
        var signature = Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes($"{header}.{payload}")));
        return $"{header}.{payload}.{signature}";
    }

    public static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    public void Dispose() => _ecdsa.Dispose();
}
