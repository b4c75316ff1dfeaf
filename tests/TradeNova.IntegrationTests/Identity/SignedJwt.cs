using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TradeNova.IntegrationTests.Identity;

/// <summary>A compact JWS split into its parts, checked here with plain .NET crypto rather than the library under test.</summary>
public sealed record SignedJwt(JsonElement Header, JsonElement Payload, byte[] SigningInput, byte[] Signature)
{
    public static SignedJwt Parse(string token)
    {
        var parts = token.Split('.');
        parts.Length.ShouldBe(3, "a compact JWS has three segments");
        return new SignedJwt(
            JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0])).RootElement.Clone(),
            JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1])).RootElement.Clone(),
            Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"),
            Base64Url.DecodeFromChars(parts[2]));
    }

    public string Claim(string name) => Payload.GetProperty(name).GetString()!;

    /// <summary>True if the ES256 signature (raw r||s) verifies with the P-256 public key of a JWK.</summary>
    public bool IsSignedBy(JsonElement jwk)
    {
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint
            {
                X = Base64Url.DecodeFromChars(jwk.GetProperty("x").GetString()),
                Y = Base64Url.DecodeFromChars(jwk.GetProperty("y").GetString()),
            },
        });
        return key.VerifyData(SigningInput, Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}
