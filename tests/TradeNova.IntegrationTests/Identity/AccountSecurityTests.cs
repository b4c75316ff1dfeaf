using System.Net;
using static TradeNova.IntegrationTests.Identity.IdentityApiCalls;

namespace TradeNova.IntegrationTests.Identity;

/// <summary>Ending sessions and changing the password: a session is one login's refresh-token family.</summary>
[Collection(IdentityCollection.Name)]
public sealed class AccountSecurityTests(IdentityFixture identity)
{
    [Fact]
    public async Task Logging_out_ends_that_session_only_and_saying_it_again_changes_nothing()
    {
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("logout");
        var laptop = await client.LoginAsync(account);
        var phone = await client.LoginAsync(account);

        (await client.SendAsync(HttpMethod.Post, "/api/v1/identity/logout", null, new { laptop.RefreshToken })).StatusCode
            .ShouldBe(HttpStatusCode.NoContent);
        (await client.SendAsync(HttpMethod.Post, "/api/v1/identity/logout", null, new { laptop.RefreshToken })).StatusCode
            .ShouldBe(HttpStatusCode.NoContent, "an ended session is as good as ended");
        (await client.SendAsync(HttpMethod.Post, "/api/v1/identity/logout", null, new { RefreshToken = "never-issued" })).StatusCode
            .ShouldBe(HttpStatusCode.NoContent, "an unknown token gets the same answer");

        (await client.RefreshAsync(laptop.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await ReadTokensAsync(await client.RefreshAsync(phone.RefreshToken), "the other device's session goes on");
        var audit = await identity.Database.AuditEntriesAsync(account.UserId, email: null);
        audit.Count(entry => entry.Action == "session.ended").ShouldBe(2);
    }

    [Fact]
    public async Task Logging_out_with_an_already_rotated_token_still_ends_the_session_it_belongs_to()
    {
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("logout-rotated");
        var first = await client.LoginAsync(account);
        var current = await ReadTokensAsync(await client.RefreshAsync(first.RefreshToken), "refresh");

        (await client.SendAsync(HttpMethod.Post, "/api/v1/identity/logout", null, new { first.RefreshToken })).StatusCode
            .ShouldBe(HttpStatusCode.NoContent);

        (await client.RefreshAsync(current.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"refreshToken\":\"   \"}")]
    public async Task Logout_without_a_refresh_token_is_a_validation_problem(string body)
    {
        using var client = identity.CreateClient();

        using var response = await client.PostRawJsonAsync("/api/v1/identity/logout", body);

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest, "logout without a token");
        problem.GetProperty("errors").TryGetProperty("refreshToken", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_browser_signed_in_and_signs_every_other_session_out()
    {
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("password");
        var browser = await client.LoginAsync(account);
        var phone = await client.LoginAsync(account);
        const string newPassword = "Brand-new-Passw0rd-42";

        using var changed = await client.SendAsync(HttpMethod.Post, "/api/v1/identity/password", browser.AccessToken,
            new { currentPassword = account.Password, newPassword });

        var fresh = await ReadTokensAsync(changed, "password change");
        changed.Headers.CacheControl?.NoStore.ShouldBeTrue();
        (await client.RefreshAsync(phone.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the phone is signed out");
        (await client.RefreshAsync(browser.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the browser's old session too");
        await ReadTokensAsync(await client.RefreshAsync(fresh.RefreshToken), "the browser's new session refreshes");
        (await client.LoginAsync(account.Email, account.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await client.LoginAsync(account with { Password = newPassword });
        (await identity.Database.AuditEntriesAsync(account.UserId, email: null))
            .ShouldContain(entry => entry.Action == "password.changed");
    }

    [Theory]
    [InlineData("Wrong-current-1234", "Brand-new-Passw0rd-42", "currentPassword")]
    [InlineData("", "Brand-new-Passw0rd-42", "currentPassword")]
    [InlineData("longer-than-128-characters-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "Brand-new-Passw0rd-42", "currentPassword")]
    [InlineData(null, "short", "newPassword")]
    [InlineData(null, "password123", "newPassword")]
    [InlineData(null, null, "newPassword")]
    [InlineData(null, "", "newPassword")]
    public async Task A_refused_password_change_names_the_field_and_changes_nothing(string? current, string? proposed, string field)
    {
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("password-refused");
        var browser = await client.LoginAsync(account);

        using var response = await client.SendAsync(HttpMethod.Post, "/api/v1/identity/password", browser.AccessToken,
            new { currentPassword = current ?? account.Password, newPassword = proposed });

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest, "refused password change");
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
        await client.LoginAsync(account);
        await ReadTokensAsync(await client.RefreshAsync(browser.RefreshToken), "the session goes on");
    }

    [Fact]
    public async Task The_new_password_must_differ_from_the_current_one()
    {
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("password-same");
        var browser = await client.LoginAsync(account);

        using var response = await client.SendAsync(HttpMethod.Post, "/api/v1/identity/password", browser.AccessToken,
            new { currentPassword = account.Password, newPassword = account.Password });

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest, "same password");
        problem.GetProperty("errors").GetProperty("newPassword")[0].GetString().ShouldBe("Choose a password different from the current one.");
    }

    [Fact]
    public async Task Without_a_bearer_token_password_change_and_ending_sessions_are_401()
    {
        using var client = identity.CreateClient();

        (await client.SendAsync(HttpMethod.Post, "/api/v1/identity/password", null, new { currentPassword = "x", newPassword = "y" }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.SendAsync(HttpMethod.Delete, "/api/v1/identity/sessions", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Wrong_current_passwords_count_as_failed_sign_ins_and_lock_that_address_out_of_both()
    {
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("password-guess");
        var stolen = await client.LoginAsync(account);
        const string attacker = "198.51.100.44";

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.SendAsync(HttpMethod.Post, "/api/v1/identity/password", stolen.AccessToken,
                new { currentPassword = $"Guess-{i}-abcdefgh", newPassword = "Brand-new-Passw0rd-42" }, from: attacker);
            wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"guess {i + 1}");
        }

        using var right = await client.SendAsync(HttpMethod.Post, "/api/v1/identity/password", stolen.AccessToken,
            new { currentPassword = account.Password, newPassword = "Brand-new-Passw0rd-42" }, from: attacker);
        using var login = await client.SendAsync(HttpMethod.Post, "/api/v1/identity/login", null,
            new { account.Email, account.Password }, from: attacker);

        (await ReadProblemAsync(right, HttpStatusCode.TooManyRequests, "right password after five wrong ones"))
            .GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/login-throttled");
        right.Headers.RetryAfter?.Delta.ShouldNotBeNull();
        login.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        await client.LoginAsync(account);
        var audit = await identity.Database.AuditEntriesAsync(account.UserId, email: null);
        audit.Count(entry => entry.Action == "password.change_failed").ShouldBe(5);
        audit.ShouldNotContain(entry => entry.Action == "password.changed");
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_of_that_user_and_no_one_elses()
    {
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("everywhere");
        var someoneElse = await client.LoginAsync(await client.NewAccountAsync("bystander"));
        var browser = await client.LoginAsync(account);
        var phone = await client.LoginAsync(account);

        (await client.SendAsync(HttpMethod.Delete, "/api/v1/identity/sessions", browser.AccessToken)).StatusCode
            .ShouldBe(HttpStatusCode.NoContent);

        (await client.RefreshAsync(browser.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.RefreshAsync(phone.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await ReadTokensAsync(await client.RefreshAsync(someoneElse.RefreshToken), "another user's session");
        await client.LoginAsync(account);
        (await identity.Database.AuditEntriesAsync(account.UserId, email: null))
            .ShouldContain(entry => entry.Action == "sessions.all_ended");
    }

    [Fact]
    public async Task A_user_sees_where_they_are_signed_in_and_ends_one_session()
    {
        using var laptop = identity.CreateClient();
        using var phone = identity.CreateClient();
        laptop.DefaultRequestHeaders.UserAgent.ParseAdd("Laptop-Browser/1.0");
        phone.DefaultRequestHeaders.UserAgent.ParseAdd("Phone-App/2.0");
        var account = await laptop.NewAccountAsync("sessions");
        var onLaptop = await ReadTokensAsync(await laptop.SendAsync(HttpMethod.Post, "/api/v1/identity/login", null,
            new { account.Email, account.Password }, from: "203.0.113.10"), "laptop login");
        var onPhone = await ReadTokensAsync(await phone.SendAsync(HttpMethod.Post, "/api/v1/identity/login", null,
            new { account.Email, account.Password }, from: "198.51.100.20"), "phone login");
        onPhone = await ReadTokensAsync(await phone.SendAsync(HttpMethod.Post, "/api/v1/identity/refresh", null,
            new { onPhone.RefreshToken }, from: "198.51.100.21"), "phone refresh");
        var laptopSession = SignedJwt.Parse(onLaptop.AccessToken).Claim("sid");

        var sessions = (await ReadAsync(await laptop.SendAsync(HttpMethod.Get, "/api/v1/identity/sessions", onLaptop.AccessToken), HttpStatusCode.OK, "list"))
            .EnumerateArray().ToList();

        sessions.Count.ShouldBe(2);
        var mine = sessions.Single(s => s.GetProperty("current").GetBoolean());
        mine.GetProperty("id").GetString().ShouldBe(laptopSession);
        mine.GetProperty("userAgent").GetString().ShouldBe("Laptop-Browser/1.0");
        mine.GetProperty("clientAddress").GetString().ShouldBe("203.0.113.10");
        var other = sessions.Single(s => !s.GetProperty("current").GetBoolean());
        other.GetProperty("id").GetString().ShouldBe(SignedJwt.Parse(onPhone.AccessToken).Claim("sid"), "a refresh stays in its session");
        other.GetProperty("clientAddress").GetString().ShouldBe("198.51.100.21", "where it was last refreshed from");
        other.GetProperty("signedInAt").GetDateTimeOffset().ShouldBeLessThan(other.GetProperty("lastActiveAt").GetDateTimeOffset());
        sessions[0].GetProperty("id").GetString().ShouldBe(other.GetProperty("id").GetString(), "the latest active first");

        (await laptop.SendAsync(HttpMethod.Delete, $"/api/v1/identity/sessions/{other.GetProperty("id").GetString()}", onLaptop.AccessToken))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await phone.RefreshAsync(onPhone.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await ReadTokensAsync(await laptop.RefreshAsync(onLaptop.RefreshToken), "the laptop's session goes on");
        (await ReadAsync(await laptop.SendAsync(HttpMethod.Get, "/api/v1/identity/sessions", onLaptop.AccessToken), HttpStatusCode.OK, "list"))
            .GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Another_users_session_or_an_unknown_one_cannot_be_ended()
    {
        using var client = identity.CreateClient();
        var owner = await client.LoginAsync(await client.NewAccountAsync("session-owner"));
        var intruder = await client.LoginAsync(await client.NewAccountAsync("session-intruder"));
        var ownersSession = SignedJwt.Parse(owner.AccessToken).Claim("sid");

        using var foreign = await client.SendAsync(HttpMethod.Delete, $"/api/v1/identity/sessions/{ownersSession}", intruder.AccessToken);
        using var unknown = await client.SendAsync(HttpMethod.Delete, $"/api/v1/identity/sessions/{Guid.NewGuid()}", intruder.AccessToken);

        await ReadProblemAsync(foreign, HttpStatusCode.NotFound, "someone else's session");
        await ReadProblemAsync(unknown, HttpStatusCode.NotFound, "unknown session");
        await ReadTokensAsync(await client.RefreshAsync(owner.RefreshToken), "the owner's session goes on");
    }

    [Fact]
    public async Task A_refresh_racing_a_password_change_never_leaves_a_session_the_change_missed()
    {
        using var client = identity.CreateClient();
        // Twenty accounts, each with a refresh and a password change sent at the same moment.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var account = await client.NewAccountAsync($"race-{i}");
            var session = await client.LoginAsync(account);
            var refresh = client.RefreshAsync(session.RefreshToken);
            var change = client.SendAsync(HttpMethod.Post, "/api/v1/identity/password", session.AccessToken,
                new { currentPassword = account.Password, newPassword = $"Raced-new-Passw0rd-{i}" });
            using var refreshed = await refresh;
            using var changed = await change;
            changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            if (refreshed.StatusCode != HttpStatusCode.OK)
                return (Refreshed: false, Survived: false);
            var pair = await ReadTokensAsync(refreshed, "refresh");
            using var after = await client.RefreshAsync(pair.RefreshToken);
            return (Refreshed: true, Survived: after.StatusCode == HttpStatusCode.OK);
        }));

        outcomes.Count(o => o.Survived).ShouldBe(0, $"{outcomes.Count(o => o.Refreshed)} of 20 refreshes answered 200 first");
    }
}

