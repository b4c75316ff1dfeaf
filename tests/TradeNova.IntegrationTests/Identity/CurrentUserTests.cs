using System.Net;
using static TradeNova.IntegrationTests.Identity.IdentityApiCalls;

namespace TradeNova.IntegrationTests.Identity;

[Collection(IdentityCollection.Name)]
public sealed class CurrentUserTests(IdentityFixture identity)
{
    [Fact]
    public async Task Me_with_an_access_token_returns_that_user()
    {
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("me");
        var tokens = await client.LoginAsync(account);

        using var response = await client.GetMeAsync(tokens.AccessToken);

        var me = await ReadAsync(response, HttpStatusCode.OK, "me");
        me.GetProperty("userId").GetGuid().ShouldBe(account.UserId);
        me.GetProperty("email").GetString().ShouldBe(account.Email);
        me.GetProperty("displayName").GetString().ShouldBe(account.DisplayName);
        me.GetProperty("role").GetString().ShouldBe("subscriber");
        me.GetProperty("plan").GetString().ShouldBe("standard");
        me.GetProperty("subStatus").GetString().ShouldBe("trialing");
    }

    [Fact]
    public async Task Me_without_a_token_is_401_with_a_bearer_challenge()
    {
        using var client = identity.CreateClient();

        using var response = await client.GetMeAsync(accessToken: null);

        await ReadProblemAsync(response, HttpStatusCode.Unauthorized, "me without token");
        response.Headers.WwwAuthenticate.ShouldContain(challenge => challenge.Scheme == "Bearer");
    }

    [Fact]
    public async Task Me_with_a_token_whose_claims_were_edited_is_401()
    {
        using var client = identity.CreateClient();
        var victim = await client.NewAccountAsync("victim");
        var attacker = await client.NewAccountAsync("attacker");
        var token = (await client.LoginAsync(attacker)).AccessToken.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token[1]))
            .Replace(attacker.UserId.ToString(), victim.UserId.ToString(), StringComparison.Ordinal);
        var forged = $"{token[0]}.{System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload))}.{token[2]}";

        using var response = await client.GetMeAsync(forged);

        await ReadProblemAsync(response, HttpStatusCode.Unauthorized, "me with an edited token");
    }
}
