using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;

namespace TradeNova.ServiceDefaults.Auth;

/// <summary>
/// Access tokens this process has already validated, by their exact text, so a client sending the same token with every
/// request pays for the ES256 signature check and the token's parsing once rather than on every request (the gateway
/// and the service behind it each checked every order). Only a token that passed every rule gets in, so nothing here can
/// admit a token the rules would refuse: the key is the whole token (header, payload and signature), and an entry ends
/// at the token's <c>exp</c> (without the clock skew: past it, the token is checked again in full) or after
/// <see cref="MaxAge"/>, whichever is sooner, so a signing key withdrawn from the JWKS stops admitting its tokens here
/// no later than the key refresh would. Bounded to <see cref="Capacity"/> entries; each hit gets its own copy of the principal.
/// </summary>
public sealed class ValidatedTokenCache : IDisposable
{
    public const int Capacity = 20_000;
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.25 });

    public bool TryGet(string token, DateTimeOffset now, out ClaimsPrincipal principal)
    {
        if (_entries.TryGetValue(token, out Entry? entry) && entry is not null && now < entry.Until)
        {
            principal = Copy(entry.Principal);
            return true;
        }

        principal = null!;
        return false;
    }

    /// <param name="expires">The token's <c>exp</c>.</param>
    public void Add(string token, ClaimsPrincipal principal, DateTimeOffset expires, DateTimeOffset now)
    {
        var until = expires < now + MaxAge ? expires : now + MaxAge;
        if (until <= now || token.Length > TradeNovaAuthDefaults.MaxTokenLength)
        {
            return;
        }

        // The cache's own expiry only frees the memory; TryGet compares with the caller's clock.
        _entries.Set(token, new Entry(Copy(principal), until), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = until - now });
    }

    public void Dispose() => _entries.Dispose();

    // ClaimsPrincipal.Clone shares its identities (and so their claims) with the original.
    private static ClaimsPrincipal Copy(ClaimsPrincipal principal) => new(principal.Identities.Select(identity => identity.Clone()));

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset Until);
}
