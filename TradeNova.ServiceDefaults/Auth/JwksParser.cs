using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace TradeNova.ServiceDefaults.Auth;

/// <summary>
/// Turns a JWKS document into ES256 verification keys. Converts EC keys itself (rather than through the library's
/// JsonWebKey adapter) so that only P-256 signing keys with an id are ever trusted.
/// </summary>
public static class JwksParser
{
    private const int P256CoordinateLength = 32;

    public static IReadOnlyList<SecurityKey> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
            throw new FormatException("A JWKS document needs a 'keys' array.");

        var result = new List<SecurityKey>();
        foreach (var jwk in keys.EnumerateArray())
        {
            if (TryCreateKey(jwk, out var key))
                result.Add(key);
        }

        return result;
    }

    private static bool TryCreateKey(JsonElement jwk, out SecurityKey key)
    {
        key = null!;
        if (jwk.ValueKind != JsonValueKind.Object
            || Read(jwk, "kty") != "EC"
            || Read(jwk, "crv") != "P-256"
            || Read(jwk, "kid") is not { Length: > 0 } kid
            || Read(jwk, "use") is { } use && use != "sig"
            || Read(jwk, "alg") is { } alg && alg != TradeNovaAuthDefaults.Algorithm
            || Decode(Read(jwk, "x")) is not { Length: P256CoordinateLength } x
            || Decode(Read(jwk, "y")) is not { Length: P256CoordinateLength } y)
            return false;

        try
        {
            var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } });
            key = new ECDsaSecurityKey(ecdsa) { KeyId = kid };
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static string? Read(JsonElement jwk, string name) =>
        jwk.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[]? Decode(string? value)
    {
        if (value is null)
            return null;
        try
        {
            return Base64Url.DecodeFromChars(value);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
