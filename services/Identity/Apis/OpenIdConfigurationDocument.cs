using System.Text.Json.Serialization;

namespace TradeNova.Identity.Apis;

/// <summary>The OpenID Connect discovery document (the fields a resource server reads).</summary>
public sealed record OpenIdConfigurationDocument(
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("jwks_uri")] string JwksUri,
    [property: JsonPropertyName("id_token_signing_alg_values_supported")] IReadOnlyList<string> SigningAlgorithms);
