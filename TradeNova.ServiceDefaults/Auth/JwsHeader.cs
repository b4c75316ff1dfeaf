namespace TradeNova.ServiceDefaults.Auth;

/// <summary>The protected header fields of a compact JWS that are checked before the token reaches the library.</summary>
public sealed record JwsHeader(string? Algorithm, string? KeyId, bool HasEncryptionOrCompression);
