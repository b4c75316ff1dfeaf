using System.Net;
using System.Text.Json;
using static TradeNova.IntegrationTests.Identity.IdentityApiCalls;

namespace TradeNova.IntegrationTests.Identity;

/// <summary>Operators' account controls: find a user, suspend and reinstate sign-in, end their sessions, read the audit.</summary>
[Collection(IdentityCollection.Name)]
public sealed class IdentityAdminTests(IdentityFixture identity)
{
    [Fact]
    public async Task Only_an_admin_reaches_the_account_controls()
    {
        using var client = identity.CreateClient();
        var trader = await client.LoginAsync(await client.NewAccountAsync("not-admin"));

        (await client.SendAsync(HttpMethod.Get, "/api/v1/identity/admin/users", trader.AccessToken)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.SendAsync(HttpMethod.Get, "/api/v1/identity/admin/users", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.SendAsync(HttpMethod.Post, $"/api/v1/identity/admin/users/{Guid.NewGuid()}/suspend", trader.AccessToken, new { reason = "x" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_admin_finds_users_by_part_of_the_email_by_id_and_by_suspension()
    {
        using var client = identity.CreateClient();
        var admin = await NewAdminAsync(client);
        var marker = Guid.NewGuid().ToString("N")[..10];
        var first = await client.NewAccountAsync($"find-{marker}");
        var second = await client.NewAccountAsync($"find-{marker}");

        var byEmail = await ListAsync(client, admin, $"?search=FIND-{marker}");
        byEmail.Select(u => u.GetProperty("id").GetGuid()).ShouldBe([second.UserId, first.UserId], "newest first, any case");
        byEmail[0].GetProperty("email").GetString().ShouldBe(second.Email);
        byEmail[0].GetProperty("suspendedAt").ValueKind.ShouldBe(JsonValueKind.Null);

        (await ListAsync(client, admin, $"?search={first.UserId}")).Single().GetProperty("email").GetString().ShouldBe(first.Email);
        (await ListAsync(client, admin, $"?search=find-{marker}&limit=1&offset=1")).Single().GetProperty("id").GetGuid().ShouldBe(first.UserId);

        await SuspendAsync(client, admin, first.UserId, "testing the filter");
        (await ListAsync(client, admin, $"?search=find-{marker}&suspended=true")).Single().GetProperty("id").GetGuid().ShouldBe(first.UserId);
        (await ListAsync(client, admin, $"?search=find-{marker}&suspended=false")).Single().GetProperty("id").GetGuid().ShouldBe(second.UserId);

        using var tooLong = await client.SendAsync(HttpMethod.Get, $"/api/v1/identity/admin/users?search={new string('a', 255)}", admin);
        (await ReadProblemAsync(tooLong, HttpStatusCode.BadRequest, "long search")).GetProperty("errors").TryGetProperty("search", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_suspended_user_is_signed_out_everywhere_and_refused_sign_in_until_reinstated()
    {
        using var client = identity.CreateClient();
        var admin = await NewAdminAsync(client);
        var account = await client.NewAccountAsync("suspend");
        var laptop = await client.LoginAsync(account);
        var phone = await client.LoginAsync(account);

        var suspended = await SuspendAsync(client, admin, account.UserId, "chargeback under review");

        suspended.GetProperty("suspendedReason").GetString().ShouldBe("chargeback under review");
        suspended.GetProperty("suspendedAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
        (await client.RefreshAsync(laptop.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.RefreshAsync(phone.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using (var refused = await client.LoginAsync(account.Email, account.Password))
        {
            (await ReadProblemAsync(refused, HttpStatusCode.Forbidden, "suspended sign-in")).GetProperty("type").GetString()
                .ShouldBe("https://tradenova.dev/problems/account-suspended");
        }

        (await client.LoginAsync(account.Email, "Wrong-password-123")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized,
            "without the password, a suspended account looks like any other");
        using (var newSession = await client.SendAsync(HttpMethod.Post, "/api/v1/identity/password", laptop.AccessToken,
                   new { currentPassword = account.Password, newPassword = "Brand-new-Passw0rd-42" }))
        {
            (await ReadProblemAsync(newSession, HttpStatusCode.Forbidden, "password change with a token from before the suspension"))
                .GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/account-suspended");
        }

        using var reinstated = await client.SendAsync(HttpMethod.Post, $"/api/v1/identity/admin/users/{account.UserId}/reinstate", admin,
            new { reason = "resolved" });
        (await ReadAsync(reinstated, HttpStatusCode.OK, "reinstate")).GetProperty("suspendedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        await client.LoginAsync(account);
        var audit = await identity.Database.AuditEntriesAsync(account.UserId, email: null);
        audit.Select(e => e.Action).ShouldContain("user.suspended");
        audit.Select(e => e.Action).ShouldContain("login.suspended");
        audit.Select(e => e.Action).ShouldContain("user.reinstated");
    }

    [Fact]
    public async Task A_session_refreshed_while_the_account_is_suspended_is_refused()
    {
        using var client = identity.CreateClient();
        var admin = await NewAdminAsync(client);
        var account = await client.NewAccountAsync("suspend-race");
        var session = await client.LoginAsync(account);
        // Suspended directly in the table, as if the token had been issued after the suspension's sessions ended.
        await using (var connection = await identity.Database.OpenAsAdminAsync())
        {
            await using var command = new Npgsql.NpgsqlCommand("UPDATE identity.users SET suspended_at = now(), suspended_reason = 'race' WHERE id = @id", connection);
            command.Parameters.AddWithValue("id", account.UserId);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        (await client.RefreshAsync(session.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await client.SendAsync(HttpMethod.Post, $"/api/v1/identity/admin/users/{account.UserId}/reinstate", admin, new { reason = "done" });
        (await client.RefreshAsync(session.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the session stays ended");
    }

    [Fact]
    public async Task Refused_suspensions_change_nothing()
    {
        using var client = identity.CreateClient();
        var adminAccount = await client.NewAccountAsync("admin-self");
        await identity.Database.PromoteToAdminAsync(adminAccount.UserId);
        var admin = (await client.LoginAsync(adminAccount)).AccessToken;
        var account = await client.NewAccountAsync("suspend-refused");
        var session = await client.LoginAsync(account);

        using var noReason = await client.SendAsync(HttpMethod.Post, $"/api/v1/identity/admin/users/{account.UserId}/suspend", admin, new { reason = "  " });
        using var longReason = await client.SendAsync(HttpMethod.Post, $"/api/v1/identity/admin/users/{account.UserId}/suspend", admin, new { reason = new string('r', 501) });
        using var unknown = await client.SendAsync(HttpMethod.Post, $"/api/v1/identity/admin/users/{Guid.NewGuid()}/suspend", admin, new { reason = "x" });
        using var self = await client.SendAsync(HttpMethod.Post, $"/api/v1/identity/admin/users/{adminAccount.UserId}/suspend", admin, new { reason = "x" });

        (await ReadProblemAsync(noReason, HttpStatusCode.BadRequest, "no reason")).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        (await ReadProblemAsync(longReason, HttpStatusCode.BadRequest, "long reason")).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        await ReadProblemAsync(unknown, HttpStatusCode.NotFound, "unknown user");
        (await ReadProblemAsync(self, HttpStatusCode.Conflict, "self")).GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/cannot-suspend-self");
        await ReadTokensAsync(await client.RefreshAsync(session.RefreshToken), "the user's session goes on");
        await client.LoginAsync(adminAccount);
    }

    [Fact]
    public async Task Ending_a_users_sessions_signs_them_out_without_locking_them_out()
    {
        using var client = identity.CreateClient();
        var admin = await NewAdminAsync(client);
        var account = await client.NewAccountAsync("end-sessions");
        var session = await client.LoginAsync(account);

        (await client.SendAsync(HttpMethod.Post, $"/api/v1/identity/admin/users/{account.UserId}/sessions/end", admin, new { reason = "lost phone" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await client.RefreshAsync(session.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await client.LoginAsync(account);
        using var audit = await client.SendAsync(HttpMethod.Get, $"/api/v1/identity/admin/audit?userId={account.UserId}", admin);
        var entries = (await ReadAsync(audit, HttpStatusCode.OK, "audit")).EnumerateArray().ToList();
        entries.ShouldAllBe(e => e.GetProperty("userId").GetGuid() == account.UserId);
        entries.Select(e => e.GetProperty("action").GetString()).ShouldBe(
            ["login.succeeded", "sessions.ended_by_admin", "login.succeeded", "user.registered"]);
        entries[1].GetProperty("detail").GetString()!.ShouldEndWith(": lost phone");
    }

    [Fact]
    public async Task A_reset_link_sets_a_new_password_once_and_ends_every_session()
    {
        using var client = identity.CreateClient();
        var admin = await NewAdminAsync(client);
        var account = await client.NewAccountAsync("reset");
        var session = await client.LoginAsync(account);
        var first = await IssueResetAsync(client, admin, account.UserId);
        var link = await IssueResetAsync(client, admin, account.UserId);
        link.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeInRange(DateTimeOffset.UtcNow.AddHours(23), DateTimeOffset.UtcNow.AddHours(25));
        var token = link.GetProperty("token").GetString();

        using (var weak = await client.SendAsync(HttpMethod.Post, "/api/v1/identity/password/reset", null, new { token, newPassword = "password123" }))
        {
            (await ReadProblemAsync(weak, HttpStatusCode.BadRequest, "weak password")).GetProperty("errors").TryGetProperty("newPassword", out _).ShouldBeTrue();
        }

        using (var voided = await client.SendAsync(HttpMethod.Post, "/api/v1/identity/password/reset", null,
                   new { token = first.GetProperty("token").GetString(), newPassword = "Reset-new-Passw0rd-7" }))
        {
            (await ReadProblemAsync(voided, HttpStatusCode.BadRequest, "a link replaced by a newer one")).GetProperty("errors").TryGetProperty("token", out _).ShouldBeTrue();
        }

        (await client.SendAsync(HttpMethod.Post, "/api/v1/identity/password/reset", null, new { token, newPassword = "Reset-new-Passw0rd-7" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await client.RefreshAsync(session.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.LoginAsync(account.Email, account.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await client.LoginAsync(account with { Password = "Reset-new-Passw0rd-7" });
        using var again = await client.SendAsync(HttpMethod.Post, "/api/v1/identity/password/reset", null, new { token, newPassword = "Another-Passw0rd-8" });
        (await ReadProblemAsync(again, HttpStatusCode.BadRequest, "a used link")).GetProperty("errors").TryGetProperty("token", out _).ShouldBeTrue();
        var actions = (await identity.Database.AuditEntriesAsync(account.UserId, email: null)).Select(e => e.Action).ToList();
        actions.Count(a => a == "password.reset_issued").ShouldBe(2);
        actions.ShouldContain("password.reset");
    }

    [Fact]
    public async Task A_password_set_by_a_reset_link_signs_in_at_once_from_an_address_locked_out_by_guesses()
    {
        using var client = identity.CreateClient();
        var admin = await NewAdminAsync(client);
        var account = await client.NewAccountAsync("reset-locked");
        const string owner = "203.0.113.77";
        for (var i = 0; i < 6; i++)
        {
            using var _ = await client.SendAsync(HttpMethod.Post, "/api/v1/identity/login", null,
                new { account.Email, password = $"Forgotten-guess-{i}" }, from: owner);
        }

        var token = (await IssueResetAsync(client, admin, account.UserId)).GetProperty("token").GetString();
        (await client.SendAsync(HttpMethod.Post, "/api/v1/identity/password/reset", null, new { token, newPassword = "Reset-new-Passw0rd-9" }, from: owner))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var login = await client.SendAsync(HttpMethod.Post, "/api/v1/identity/login", null,
            new { account.Email, password = "Reset-new-Passw0rd-9" }, from: owner);
        await ReadTokensAsync(login, "sign-in from the address that was locked out");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"token\":\"never-issued\",\"newPassword\":\"Reset-new-Passw0rd-7\"}")]
    [InlineData("{\"token\":5}")]
    public async Task A_reset_without_a_live_link_is_refused(string body)
    {
        using var client = identity.CreateClient();

        using var response = await client.PostRawJsonAsync("/api/v1/identity/password/reset", body);

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest, "no live link");
        problem.GetProperty("status").GetInt32().ShouldBe(400);
    }

    [Fact]
    public async Task Only_an_admin_issues_a_reset_link_and_only_with_a_reason()
    {
        using var client = identity.CreateClient();
        var admin = await NewAdminAsync(client);
        var trader = await client.LoginAsync(await client.NewAccountAsync("reset-self"));
        var userId = Guid.Parse(SignedJwt.Parse(trader.AccessToken).Claim("sub"));

        (await client.SendAsync(HttpMethod.Post, $"/api/v1/identity/admin/users/{userId}/password-reset", trader.AccessToken, new { reason = "me" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.SendAsync(HttpMethod.Post, $"/api/v1/identity/admin/users/{userId}/password-reset", admin, new { reason = " " }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.SendAsync(HttpMethod.Post, $"/api/v1/identity/admin/users/{Guid.NewGuid()}/password-reset", admin, new { reason = "x" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<JsonElement> IssueResetAsync(HttpClient client, string admin, Guid userId)
    {
        using var response = await client.SendAsync(HttpMethod.Post, $"/api/v1/identity/admin/users/{userId}/password-reset", admin,
            new { reason = "forgot the password" });
        response.Headers.CacheControl?.NoStore.ShouldBeTrue();
        return await ReadAsync(response, HttpStatusCode.OK, "issue a reset link");
    }

    private async Task<string> NewAdminAsync(HttpClient client)
    {
        var account = await client.NewAccountAsync("admin");
        await identity.Database.PromoteToAdminAsync(account.UserId);
        return (await client.LoginAsync(account)).AccessToken;
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string admin, string query)
    {
        using var response = await client.SendAsync(HttpMethod.Get, $"/api/v1/identity/admin/users{query}", admin);
        return (await ReadAsync(response, HttpStatusCode.OK, $"list {query}")).EnumerateArray().ToList();
    }

    private static async Task<JsonElement> SuspendAsync(HttpClient client, string admin, Guid userId, string reason)
    {
        using var response = await client.SendAsync(HttpMethod.Post, $"/api/v1/identity/admin/users/{userId}/suspend", admin, new { reason });
        return await ReadAsync(response, HttpStatusCode.OK, "suspend");
    }
}
