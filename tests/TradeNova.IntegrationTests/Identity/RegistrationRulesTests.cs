using System.Net;
using static TradeNova.IntegrationTests.Identity.IdentityApiCalls;

namespace TradeNova.IntegrationTests.Identity;

/// <summary>Issue 10, items 6–7: password strength and one account per mailbox.</summary>
[Collection(IdentityCollection.Name)]
public sealed class RegistrationRulesTests(IdentityFixture identity)
{
    private const string ValidPassword = "Corr3ct-horse-battery";

    [Theory]
    [InlineData("aaaaaaaaaa", "repeated")]
    [InlineData("1234567890", "most common")]
    [InlineData("password12", "most common")]
    [InlineData("          ", "repeated")]
    [InlineData("abcdefghijkl", "sequences")]
    [InlineData("{local}-2026!", "email address")]
    public async Task Weak_passwords_are_refused_with_the_reason(string password, string reason)
    {
        using var client = identity.CreateClient();
        var email = NewEmail("weak");
        password = password.Replace("{local}", email.Split('@')[0], StringComparison.Ordinal);

        using var response = await client.RegisterAsync(email, password, "Weak Password");

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest, password);
        (problem.GetProperty("errors").GetProperty("password")[0].GetString() ?? "").ShouldContain(reason);
        (await identity.Database.CountUsersAsync(email)).ShouldBe(0);
    }

    public static TheoryData<string, string> SameMailbox => new()
    {
        { "fullwidth first letter", "\uFF41{id}@example.test" },
        { "upper case", "A{ID}@EXAMPLE.TEST" },
        { "trailing dot on the domain", "a{id}@example.test." },
        { "fullwidth domain", "a{id}@\uFF45xample.test" },
    };

    [Theory]
    [MemberData(nameof(SameMailbox))]
    public async Task Another_spelling_of_a_registered_mailbox_is_409(string because, string spelling)
    {
        using var client = identity.CreateClient();
        var id = Guid.NewGuid().ToString("N")[..12];
        var original = $"a{id}@example.test";
        using (var first = await client.RegisterAsync(original, ValidPassword, "Original"))
            first.StatusCode.ShouldBe(HttpStatusCode.Created);

        var variant = spelling.Replace("{id}", id, StringComparison.Ordinal).Replace("{ID}", id.ToUpperInvariant(), StringComparison.Ordinal);
        using var second = await client.RegisterAsync(variant, ValidPassword, "Second");

        var problem = await ReadProblemAsync(second, HttpStatusCode.Conflict, because);
        problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/email-taken");
    }

    [Fact]
    public async Task The_kelvin_sign_spelling_of_a_k_is_the_same_mailbox()
    {
        using var client = identity.CreateClient();
        var id = Guid.NewGuid().ToString("N")[..12];
        using (var first = await client.RegisterAsync($"k{id}@example.test", ValidPassword, "Original"))
            first.StatusCode.ShouldBe(HttpStatusCode.Created);

        using var second = await client.RegisterAsync($"\u212A{id}@example.test", ValidPassword, "Kelvin");

        await ReadProblemAsync(second, HttpStatusCode.Conflict, "Kelvin sign");
    }

    [Fact]
    public async Task A_unicode_domain_is_stored_in_ascii_and_signs_in_either_way()
    {
        using var client = identity.CreateClient();
        var id = Guid.NewGuid().ToString("N")[..12];

        using var registered = await client.RegisterAsync($"hans{id}@bücher.example", ValidPassword, "Hans");
        var body = await ReadAsync(registered, HttpStatusCode.Created, "register IDN");
        body.GetProperty("email").GetString().ShouldBe($"hans{id}@xn--bcher-kva.example");

        using var login = await client.LoginAsync($"HANS{id}@xn--bcher-kva.example.", ValidPassword);
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("a@b.")]
    [InlineData("x@-example.com")]
    [InlineData("x@example-.com")]
    [InlineData("x@localhost")]
    [InlineData("x@example.123")]
    [InlineData("x@exa_mple.com")]
    [InlineData("x@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com")]
    [InlineData("a..b@example.com")]
    [InlineData(".a@example.com")]
    [InlineData("a b@example.com")]
    public async Task Addresses_that_cannot_receive_mail_are_refused(string email)
    {
        using var client = identity.CreateClient();

        using var response = await client.RegisterAsync(email, ValidPassword, "Undeliverable");

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest, email);
        problem.GetProperty("errors").TryGetProperty("email", out _).ShouldBeTrue(email);
    }
}
