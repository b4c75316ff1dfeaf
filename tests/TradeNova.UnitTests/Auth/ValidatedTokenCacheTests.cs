using System.Security.Claims;
using TradeNova.ServiceDefaults.Auth;

namespace TradeNova.UnitTests.Auth;

public sealed class ValidatedTokenCacheTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private readonly ValidatedTokenCache _cache = new();

    private static ClaimsPrincipal User(string sub) =>
        new(new ClaimsIdentity([new Claim(TradeNovaClaims.Subject, sub)], TradeNovaAuthDefaults.Scheme, TradeNovaClaims.Subject, TradeNovaClaims.Role));

    [Fact]
    public void A_token_is_remembered_until_its_expiry_and_not_after()
    {
        _cache.Add("a.b.c", User("u1"), expires: Now.AddMinutes(2), now: Now);

        _cache.TryGet("a.b.c", Now.AddMinutes(2).AddTicks(-1), out var principal).ShouldBeTrue();
        principal.FindFirst(TradeNovaClaims.Subject)!.Value.ShouldBe("u1");
        _cache.TryGet("a.b.c", Now.AddMinutes(2), out _).ShouldBeFalse();
        _cache.TryGet("a.b.d", Now, out _).ShouldBeFalse();
    }

    [Fact]
    public void A_long_lived_token_is_remembered_for_at_most_the_max_age()
    {
        _cache.Add("t", User("u1"), expires: Now.AddHours(1), now: Now);

        _cache.TryGet("t", Now + ValidatedTokenCache.MaxAge - TimeSpan.FromSeconds(1), out _).ShouldBeTrue();
        _cache.TryGet("t", Now + ValidatedTokenCache.MaxAge, out _).ShouldBeFalse();
    }

    [Fact]
    public void An_expired_token_is_not_remembered()
    {
        _cache.Add("t", User("u1"), expires: Now.AddSeconds(-1), now: Now);

        _cache.TryGet("t", Now.AddSeconds(-5), out _).ShouldBeFalse();
    }

    [Fact]
    public void Each_hit_gets_its_own_copy_of_the_principal()
    {
        var original = User("u1");
        _cache.Add("t", original, expires: Now.AddMinutes(1), now: Now);
        ((ClaimsIdentity)original.Identity!).AddClaim(new Claim(TradeNovaClaims.Role, TradeNovaRoles.Admin));

        _cache.TryGet("t", Now, out var first).ShouldBeTrue();
        ((ClaimsIdentity)first.Identity!).AddClaim(new Claim(TradeNovaClaims.Role, TradeNovaRoles.Admin));
        _cache.TryGet("t", Now, out var second).ShouldBeTrue();

        second.IsInRole(TradeNovaRoles.Admin).ShouldBeFalse();
        second.FindFirst(TradeNovaClaims.Subject)!.Value.ShouldBe("u1");
    }

    public void Dispose() => _cache.Dispose();
}
