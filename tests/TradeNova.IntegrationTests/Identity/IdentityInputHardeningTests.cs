using System.Net;
using System.Text;
using static TradeNova.IntegrationTests.Identity.IdentityApiCalls;

namespace TradeNova.IntegrationTests.Identity;

/// <summary>Issue 10, items 1–3: inputs that were 500s are 4xx ProblemDetails that change nothing.</summary>
[Collection(IdentityCollection.Name)]
public sealed class IdentityInputHardeningTests(IdentityFixture identity)
{
    private const string ValidPassword = "Corr3ct-horse-battery";

    [Theory]
    [InlineData("/api/v1/identity/register")]
    [InlineData("/api/v1/identity/login")]
    [InlineData("/api/v1/identity/refresh")]
    public async Task Unknown_charset_is_415_problem_not_500(string path)
    {
        using var client = identity.CreateClient();
        using var content = new ByteArrayContent("{}"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=nonsense");

        using var response = await client.PostAsync(path, content, TestContext.Current.CancellationToken);

        var problem = await ReadProblemAsync(response, HttpStatusCode.UnsupportedMediaType, path);
        problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/unsupported-charset");
    }

    [Fact]
    public async Task Nul_in_the_display_name_is_400_and_stores_nothing()
    {
        using var client = identity.CreateClient();
        var email = NewEmail("nul-name");

        using var response = await client.PostRawJsonAsync(
            "/api/v1/identity/register", $$"""{"email":"{{email}}","password":"{{ValidPassword}}","displayName":"a\u0000b"}""");

        await ReadProblemAsync(response, HttpStatusCode.BadRequest, "register with NUL");
        (await identity.Database.CountUsersAsync(email)).ShouldBe(0);
        (await identity.Database.OutboxRowsAsync(userId: null, email)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Nul_in_the_login_email_is_400()
    {
        using var client = identity.CreateClient();

        using var response = await client.PostRawJsonAsync("/api/v1/identity/login", """{"email":"x\u0000@x.com","password":"p"}""");

        await ReadProblemAsync(response, HttpStatusCode.BadRequest, "login with NUL");
    }

    [Fact]
    public async Task Bidi_override_in_the_display_name_is_a_validation_error()
    {
        using var client = identity.CreateClient();

        using var response = await client.RegisterAsync(NewEmail("bidi"), ValidPassword, "evil\u202Egnp.exe");

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest, "register with RLO");
        problem.GetProperty("errors").TryGetProperty("displayName", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_long_email_with_an_emoji_at_the_audit_cut_is_an_ordinary_401_and_audited()
    {
        using var client = identity.CreateClient();
        var email = new string('a', 253) + "😀x@x.com";

        using var response = await client.LoginAsync(email, "whatever-password");

        await ReadProblemAsync(response, HttpStatusCode.Unauthorized, "login with a long emoji email");
        var audited = await identity.Database.AuditEntriesAsync(userId: null, new string('a', 253));
        audited.ShouldContain(entry => entry.Action == "login.failed");
    }

    [Fact]
    public async Task Token_responses_are_never_cached()
    {
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("no-store");

        using var login = await client.LoginAsync(account.Email, account.Password);
        var tokens = await ReadTokensAsync(login, "login");
        using var refresh = await client.RefreshAsync(tokens.RefreshToken);
        using var failed = await client.LoginAsync(account.Email, "Wrong-password-123");

        foreach (var response in new[] { login, refresh, failed })
        {
            response.Headers.CacheControl?.NoStore.ShouldBeTrue($"{response.RequestMessage?.RequestUri}: {response.StatusCode}");
            response.Headers.Pragma.ToString().ShouldBe("no-cache");
        }
    }

    [Fact]
    public async Task Text_with_an_emoji_and_rtl_characters_is_still_accepted()
    {
        using var client = identity.CreateClient();

        using var response = await client.RegisterAsync(NewEmail("emoji"), ValidPassword, "Ada 😀 שלום");

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Refresh_with_a_unicode_token_is_401_not_500()
    {
        using var client = identity.CreateClient();

        using var response = await client.PostAsync(
            "/api/v1/identity/refresh",
            new StringContent("""{"refreshToken":"😀😀😀\u202E"}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        await ReadProblemAsync(response, HttpStatusCode.Unauthorized, "refresh with unicode");
    }
}
