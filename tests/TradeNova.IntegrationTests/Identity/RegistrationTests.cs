using System.Net;
using System.Text.Json;
using static TradeNova.IntegrationTests.Identity.IdentityApiCalls;

namespace TradeNova.IntegrationTests.Identity;

[Collection(IdentityCollection.Name)]
public sealed class RegistrationTests(IdentityFixture identity)
{
    private const string ValidPassword = "Corr3ct-horse-battery";
    private const string ValidDisplayName = "Ada Lovelace";
    private static readonly string SixtyFiveCharacters = new('n', 65);

    [Fact]
    public async Task Register_returns_201_with_the_new_user_id_and_a_location_that_exists()
    {
        using var client = identity.CreateClient();
        var email = NewEmail("register");

        using var response = await client.RegisterAsync(email, ValidPassword, ValidDisplayName);

        var body = await ReadAsync(response, HttpStatusCode.Created, "register");
        body.GetProperty("userId").GetGuid().ShouldNotBe(Guid.Empty);
        body.GetProperty("email").GetString().ShouldBe(email);
        (await identity.Database.CountUsersAsync(email)).ShouldBe(1);
        // The new user's own resource; reading it needs the user's token.
        response.Headers.Location?.OriginalString.ShouldBe("/api/v1/identity/me");
    }

    [Fact]
    public async Task Registering_an_email_again_in_another_case_is_409_email_taken()
    {
        using var client = identity.CreateClient();
        var email = NewEmail("Duplicate");
        using (var first = await client.RegisterAsync(email, ValidPassword, ValidDisplayName))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        using var second = await client.RegisterAsync(email.ToUpperInvariant(), "An0ther-password!", "Someone Else");

        var problem = await ReadProblemAsync(second, HttpStatusCode.Conflict, "second register");
        problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/email-taken");
        (await identity.Database.CountUsersAsync(email)).ShouldBe(1);
    }

    public static TheoryData<string, string?, string?, string?, string[]> InvalidRegistrations => new()
    {
        { "bad email", "not-an-email", ValidPassword, ValidDisplayName, ["email"] },
        { "email without a dot in the domain", "someone@localhost", ValidPassword, ValidDisplayName, ["email"] },
        { "short password", "{unique}@example.test", "9-chars!!", ValidDisplayName, ["password"] },
        { "long display name", "{unique}@example.test", ValidPassword, SixtyFiveCharacters, ["displayName"] },
        { "blank display name", "{unique}@example.test", ValidPassword, "   ", ["displayName"] },
        { "everything wrong", "{unique}@", "short", SixtyFiveCharacters, ["email", "password", "displayName"] },
        { "nothing given", null, null, null, ["email", "password", "displayName"] },
    };

    [Theory]
    [MemberData(nameof(InvalidRegistrations))]
    public async Task Invalid_registration_is_400_listing_the_invalid_fields_and_stores_nothing(
        string because, string? email, string? password, string? displayName, string[] invalidFields)
    {
        using var client = identity.CreateClient();
        var marker = Guid.NewGuid().ToString("N");
        email = email?.Replace("{unique}", marker, StringComparison.Ordinal);

        using var response = await client.RegisterAsync(email, password, displayName);

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest, because);
        problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/validation");
        problem.GetProperty("errors").EnumerateObject().Select(field => field.Name)
            .ShouldBe(invalidFields, ignoreOrder: true, because);
        if (email is not null)
        {
            await ShouldHaveStoredNothingAsync(email);
        }
    }

    [Fact]
    public async Task Malformed_json_registration_is_400_bad_request_and_stores_nothing()
    {
        using var client = identity.CreateClient();
        var email = NewEmail("malformed");
        var truncated = JsonSerializer.Serialize(new { email, password = ValidPassword, displayName = ValidDisplayName })[..^10];

        using var response = await client.PostRawJsonAsync("/api/v1/identity/register", truncated);

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest, "malformed register");
        problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/bad-request");
        await ShouldHaveStoredNothingAsync(email);
    }

    private async Task ShouldHaveStoredNothingAsync(string email)
    {
        (await identity.Database.CountUsersAsync(email)).ShouldBe(0, $"users with {email}");
        (await identity.Database.OutboxRowsAsync(userId: null, email)).ShouldBeEmpty($"outbox rows naming {email}");
        (await identity.Database.AuditEntriesAsync(userId: null, email)).ShouldBeEmpty($"audit entries naming {email}");
    }
}
