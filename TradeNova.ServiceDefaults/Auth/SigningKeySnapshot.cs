using Microsoft.IdentityModel.Tokens;

namespace TradeNova.ServiceDefaults.Auth;

/// <summary>An immutable set of keys as fetched at one moment; swapped whole so readers never lock.</summary>
internal sealed class SigningKeySnapshot(IReadOnlyList<SecurityKey> keys, DateTimeOffset fetchedAt)
{
    public DateTimeOffset FetchedAt { get; } = fetchedAt;

    public IReadOnlyList<SecurityKey> Keys { get; } = keys;

    public bool Contains(string kid) => Keys.Any(k => k.KeyId == kid);

    public IReadOnlyList<SecurityKey> For(string? kid) =>
        kid is null ? Keys : Keys.Where(k => k.KeyId == kid).ToArray();
}
