using System.Net;
using static TradeNova.IntegrationTests.Identity.IdentityApiCalls;

namespace TradeNova.IntegrationTests.Identity;

[Collection(IdentityCollection.Name)]
public sealed class RefreshTokenTests(IdentityFixture identity)
{
    [Fact]
    public async Task Refresh_returns_a_new_pair_and_the_old_refresh_token_stops_working()
    {
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("refresh");
        var login = await client.LoginAsync(account);

        using var refreshed = await client.RefreshAsync(login.RefreshToken);
        var next = await ReadTokensAsync(refreshed, "refresh");
        using var replayed = await client.RefreshAsync(login.RefreshToken);

        next.RefreshToken.ShouldNotBe(login.RefreshToken);
        next.AccessToken.ShouldNotBe(login.AccessToken);
        SignedJwt.Parse(next.AccessToken).Claim("sub").ShouldBe(account.UserId.ToString());
        using (var me = await client.GetMeAsync(next.AccessToken))
        {
            me.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var problem = await ReadProblemAsync(replayed, HttpStatusCode.Unauthorized, "old refresh token");
        problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/invalid-refresh-token");
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_revokes_the_whole_family()
    {
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("reuse");
        var stolen = (await client.LoginAsync(account)).RefreshToken;
        var otherDevice = await client.LoginAsync(account);
        using var rotation = await client.RefreshAsync(stolen);
        var newest = await ReadTokensAsync(rotation, "legitimate refresh");

        using var reuse = await client.RefreshAsync(stolen);
        using var newestAfterReuse = await client.RefreshAsync(newest.RefreshToken);
        using var otherFamily = await client.RefreshAsync(otherDevice.RefreshToken);

        reuse.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        newestAfterReuse.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the newest token of the family is revoked too");
        await ReadTokensAsync(otherFamily, "refresh of another login's family");
        (await identity.Database.AuditEntriesAsync(account.UserId, email: null))
            .ShouldContain(entry => entry.Action == "refresh.reused");
    }

    [Fact]
    public async Task Unknown_refresh_token_is_401()
    {
        using var client = identity.CreateClient();

        using var response = await client.RefreshAsync(Convert.ToBase64String(Guid.NewGuid().ToByteArray()));

        var problem = await ReadProblemAsync(response, HttpStatusCode.Unauthorized, "unknown refresh token");
        problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/invalid-refresh-token");
    }
}
