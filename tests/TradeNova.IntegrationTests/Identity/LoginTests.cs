using System.Net;
using System.Text.Json;
using static TradeNova.IntegrationTests.Identity.IdentityApiCalls;

namespace TradeNova.IntegrationTests.Identity;

[Collection(IdentityCollection.Name)]
public sealed class LoginTests(IdentityFixture identity)
{
    [Fact]
    public async Task Login_returns_an_ES256_access_token_signed_by_a_key_published_in_the_jwks()
    {
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("login");

        var tokens = await client.LoginAsync(account);

        tokens.TokenType.ShouldBe("Bearer");
        tokens.ExpiresIn.ShouldBe(900);
        tokens.RefreshToken.ShouldNotBeNullOrWhiteSpace();
        var jwt = SignedJwt.Parse(tokens.AccessToken);
        jwt.Header.GetProperty("alg").GetString().ShouldBe("ES256");
        var kid = jwt.Header.GetProperty("kid").GetString();
        kid.ShouldNotBeNullOrWhiteSpace();

        using var jwksResponse = await client.GetAsync("/.well-known/jwks.json", TestContext.Current.CancellationToken);
        var jwks = await ReadAsync(jwksResponse, HttpStatusCode.OK, "jwks");
        var key = jwks.GetProperty("keys").EnumerateArray().SingleOrDefault(k => k.GetProperty("kid").GetString() == kid);
        key.ValueKind.ShouldBe(JsonValueKind.Object, $"kid {kid} is published in the JWKS: {jwks}");
        key.GetProperty("kty").GetString().ShouldBe("EC");
        key.GetProperty("crv").GetString().ShouldBe("P-256");
        jwt.IsSignedBy(key).ShouldBeTrue("the signature verifies with the published key");
    }

    [Fact]
    public async Task Access_token_carries_the_contract_claims_of_the_user()
    {
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("claims");

        var jwt = SignedJwt.Parse((await client.LoginAsync(account)).AccessToken);

        jwt.Claim("sub").ShouldBe(account.UserId.ToString());
        jwt.Claim("email").ShouldBe(account.Email);
        jwt.Claim("role").ShouldBe("subscriber");
        jwt.Claim("plan").ShouldBe("standard");
        jwt.Claim("sub_status").ShouldBe("trialing");
        jwt.Claim("jti").ShouldNotBeNullOrWhiteSpace();
        jwt.Claim("iss").ShouldBe("tradenova-identity");
        jwt.Claim("aud").ShouldBe("tradenova");
        (jwt.Payload.GetProperty("exp").GetInt64() - jwt.Payload.GetProperty("iat").GetInt64()).ShouldBe(15 * 60);
    }

    [Fact]
    public async Task Each_login_gets_its_own_token_id()
    {
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("jti");

        var first = SignedJwt.Parse((await client.LoginAsync(account)).AccessToken);
        var second = SignedJwt.Parse((await client.LoginAsync(account)).AccessToken);

        second.Claim("jti").ShouldNotBe(first.Claim("jti"));
    }

    [Fact]
    public async Task Login_with_the_email_in_another_case_succeeds()
    {
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("case");

        using var response = await client.LoginAsync(account.Email.ToUpperInvariant(), account.Password);

        var tokens = await ReadTokensAsync(response, "login in upper case");
        SignedJwt.Parse(tokens.AccessToken).Claim("sub").ShouldBe(account.UserId.ToString());
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_401_so_accounts_cannot_be_enumerated()
    {
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("enumeration");

        using var wrongPassword = await client.LoginAsync(account.Email, account.Password + "x");
        using var unknownEmail = await client.LoginAsync(NewEmail("nobody"), account.Password);

        var wrong = await ReadProblemAsync(wrongPassword, HttpStatusCode.Unauthorized, "wrong password");
        var unknown = await ReadProblemAsync(unknownEmail, HttpStatusCode.Unauthorized, "unknown email");
        wrong.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/invalid-credentials");
        Visible(unknown).ShouldBe(Visible(wrong));
    }

    /// <summary>The problem without the members that differ per request by design (trace id).</summary>
    private static string Visible(JsonElement problem) =>
        string.Join('\n', problem.EnumerateObject()
            .Where(member => member.Name != "traceId")
            .OrderBy(member => member.Name, StringComparer.Ordinal)
            .Select(member => $"{member.Name}={member.Value.GetRawText()}"));
}
