using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TradeNova.Fuzz;

/// <summary>Authorization header values that must all be refused, plus (when one was obtained) a valid token to tamper with.</summary>
public static class FuzzTokens
{
    public static IReadOnlyList<(string Name, string Header)> Bad(string? validToken)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new { sub = Guid.NewGuid(), role = "admin", iss = "tradenova-identity", aud = "tradenova", exp = now + 600, iat = now, plan = "pro", sub_status = "active" };
        var list = new List<(string, string)>
        {
            ("empty bearer", "Bearer"),
            ("bearer space", "Bearer "),
            ("garbage", "Bearer not-a-token"),
            ("two segments", "Bearer a.b"),
            ("five segments", "Bearer a.b.c.d.e"),
            ("empty segments", "Bearer .."),
            ("alg none", "Bearer " + Unsigned(new { alg = "none", typ = "JWT" }, claims)),
            ("alg none no dot", "Bearer " + Unsigned(new { alg = "none" }, claims).TrimEnd('.')),
            ("HS256 guessed secret", "Bearer " + Hs256(claims)),
            ("ES256 foreign key", "Bearer " + Es256(claims, kid: "attacker")),
            ("ES256 unknown kid", "Bearer " + Es256(claims, kid: Guid.NewGuid().ToString())),
            ("jku header", "Bearer " + Es256(claims, kid: "x", jku: "http://127.0.0.1:1/jwks.json")),
            ("huge token", "Bearer " + new string('A', 20_000) + "." + new string('B', 20) + ".c"),
            ("base64 padding", "Bearer eyJ===.eyJ===.sig==="),
            ("json array header", "Bearer " + B64("[]") + "." + B64("{}") + ".sig"),
            ("basic scheme", "Basic " + Convert.ToBase64String("admin:admin"u8.ToArray())),
            ("lower-case scheme garbage", "bearer x.y.z"),
            ("unicode token", "Bearer ü.ü.ü"),
        };
        if (validToken is not null)
        {
            var parts = validToken.Split('.');
            var flipped = parts[2][..^2] + (parts[2][^2] == 'A' ? 'B' : 'A') + parts[2][^1];
            list.Add(("tampered signature", $"Bearer {parts[0]}.{parts[1]}.{flipped}"));
            list.Add(("payload swapped", $"Bearer {parts[0]}.{B64(JsonSerializer.Serialize(claims))}.{parts[2]}"));
            list.Add(("signature stripped", $"Bearer {parts[0]}.{parts[1]}."));
            list.Add(("alg switched to none", $"Bearer {B64("{\"alg\":\"none\"}")}.{parts[1]}."));
        }

        return list;
    }

    private static string B64(string text) => Base64Url(Encoding.UTF8.GetBytes(text));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Unsigned(object header, object claims) =>
        $"{B64(JsonSerializer.Serialize(header))}.{B64(JsonSerializer.Serialize(claims))}.";

    private static string Hs256(object claims)
    {
        var input = $"{B64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")}.{B64(JsonSerializer.Serialize(claims))}";
        return input + "." + Base64Url(HMACSHA256.HashData("secret"u8, Encoding.ASCII.GetBytes(input)));
    }

    private static string Es256(object claims, string kid, string? jku = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var header = jku is null ? JsonSerializer.Serialize(new { alg = "ES256", typ = "JWT", kid }) : JsonSerializer.Serialize(new { alg = "ES256", typ = "JWT", kid, jku });
        var input = $"{B64(header)}.{B64(JsonSerializer.Serialize(claims))}";
        return input + "." + Base64Url(key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256));
    }
}
