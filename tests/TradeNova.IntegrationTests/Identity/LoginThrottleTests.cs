using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using static TradeNova.IntegrationTests.Identity.IdentityApiCalls;

namespace TradeNova.IntegrationTests.Identity;

/// <summary>Issue 10, item 5: per-account throttling that cannot lock the owner out from elsewhere, audited.</summary>
[Collection(IdentityCollection.Name)]
public sealed class LoginThrottleTests(IdentityFixture identity)
{
    private const int FreeAttempts = 5;

    [Fact]
    public async Task After_five_wrong_passwords_even_the_right_one_is_refused_from_that_address_with_retry_after()
    {
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("throttle");
        const string attacker = "198.51.100.10";

        for (var i = 0; i < FreeAttempts; i++)
        {
            using var wrong = await LoginFrom(client, attacker, account.Email, $"Wrong-guess-{i}-xyz");
            wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"attempt {i + 1}");
        }

        using var right = await LoginFrom(client, attacker, account.Email, account.Password);

        var problem = await ReadProblemAsync(right, HttpStatusCode.TooManyRequests, "right password after five wrong ones");
        problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/login-throttled");
        right.Headers.RetryAfter?.Delta?.TotalSeconds.ShouldBeInRange(1, 30);
        var audit = await identity.Database.AuditEntriesAsync(account.UserId, email: null);
        audit.Count(entry => entry.Action == "login.failed").ShouldBe(FreeAttempts);
        audit.ShouldContain(entry => entry.Action == "login.locked");
        audit.ShouldContain(entry => entry.Action == "login.throttled");
        audit.ShouldNotContain(entry => entry.Action == "login.succeeded");
    }

    [Fact]
    public async Task The_owner_signing_in_from_another_address_is_not_locked_out_by_an_attacker()
    {
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("victim");
        for (var i = 0; i < FreeAttempts + 2; i++)
        {
            using var _ = await LoginFrom(client, "198.51.100.20", account.Email, $"Wrong-guess-{i}-xyz");
        }

        using var owner = await LoginFrom(client, "203.0.113.30", account.Email, account.Password);

        owner.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_emails_are_throttled_exactly_like_known_ones()
    {
        using var client = identity.CreateClient();
        var known = await client.NewAccountAsync("known");
        var unknown = NewEmail("unknown");
        var statuses = new List<(HttpStatusCode Known, HttpStatusCode Unknown)>();
        for (var i = 0; i < FreeAttempts + 1; i++)
        {
            using var a = await LoginFrom(client, "198.51.100.40", known.Email, $"Wrong-guess-{i}-xyz");
            using var b = await LoginFrom(client, "198.51.100.40", unknown, $"Wrong-guess-{i}-xyz");
            statuses.Add((a.StatusCode, b.StatusCode));
        }

        statuses.ShouldAllBe(pair => pair.Known == pair.Unknown);
        statuses[^1].Known.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_wrong_password_for_a_known_email_takes_as_long_as_for_an_unknown_one()
    {
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("timing");
        var known = new List<double>();
        var unknown = new List<double>();
        // Fresh addresses so the throttle never answers early; alternating so machine load hits both alike.
        for (var i = 0; i < 8; i++)
        {
            known.Add(await TimeLogin(client, $"192.0.2.{100 + i}", account.Email));
            unknown.Add(await TimeLogin(client, $"192.0.2.{150 + i}", NewEmail("nobody")));
        }

        var ratio = Median(unknown) / Median(known);
        ratio.ShouldBeInRange(0.5, 2.0, $"median unknown {Median(unknown):F1} ms vs known {Median(known):F1} ms");
    }

    private static async Task<double> TimeLogin(HttpClient client, string from, string email)
    {
        var watch = Stopwatch.StartNew();
        using var response = await LoginFrom(client, from, email, "Wrong-password-123");
        watch.Stop();
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>A login as the gateway forwards it: Identity trusts X-Forwarded-For from loopback proxies.</summary>
    private static Task<HttpResponseMessage> LoginFrom(HttpClient client, string clientAddress, string email, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/identity/login")
        {
            Content = JsonContent.Create(new { email, password }),
        };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
