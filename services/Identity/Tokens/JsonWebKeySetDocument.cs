using Microsoft.IdentityModel.Tokens;

namespace TradeNova.Identity.Tokens;

/// <summary>The JWKS body (RFC 7517) for the published ES256 keys.</summary>
public sealed record JsonWebKeySetDocument(IReadOnlyList<JsonWebKeySetDocument.Key> Keys)
{
    public sealed record Key(string Kty, string Crv, string Use, string Alg, string Kid, string X, string Y);

    public static JsonWebKeySetDocument From(IEnumerable<ECDsaSecurityKey> keys) => new(
        [.. keys.Select(key =>
        {
            var point = key.ECDsa.ExportParameters(includePrivateParameters: false).Q;
            return new Key("EC", "P-256", "sig", SecurityAlgorithms.EcdsaSha256, key.KeyId,
                Base64UrlEncoder.Encode(point.X), Base64UrlEncoder.Encode(point.Y));
        })]);
}
