using Microsoft.IdentityModel.Tokens;

namespace TradeNova.Identity.Tokens;

/// <summary>A loaded view of the signing keys: the one that signs, and every public key still published.</summary>
public sealed record SigningKeySet(ECDsaSecurityKey Active, IReadOnlyList<ECDsaSecurityKey> Published, DateTimeOffset LoadedAt);
