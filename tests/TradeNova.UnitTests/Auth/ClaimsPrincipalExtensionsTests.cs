using System.Security.Claims;
using TradeNova.ServiceDefaults.Auth;

namespace TradeNova.UnitTests.Auth;

public sealed class ClaimsPrincipalExtensionsTests
{
    [Fact]
    public void User_id_comes_from_the_sub_claim()
    {
        var userId = Guid.NewGuid();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(TradeNovaClaims.Subject, userId.ToString())], "Bearer"));

        principal.GetUserId().ShouldBe(userId);
    }

    [Fact]
    public void Missing_or_non_guid_sub_throws_rather_than_guessing()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        var odd = new ClaimsPrincipal(new ClaimsIdentity([new Claim(TradeNovaClaims.Subject, "alice")], "Bearer"));

        Should.Throw<InvalidOperationException>(() => anonymous.GetUserId());
        odd.TryGetUserId(out _).ShouldBeFalse();
    }
}
