using System.Text.Json;
using TradeNova.Identity.Registration;
using TradeNova.UnitTests.Architecture;

namespace TradeNova.UnitTests.Identity;

public sealed class PasswordPolicyTests
{
    private sealed record PasswordCase(string Password, string Email, string? Rule);

    /// <summary>The file web/src/register/passwordRules.test.ts runs too: the SPA and the server give the same verdicts.</summary>
    public static TheoryData<string, string, string?> SharedCases()
    {
        var path = Path.Combine(Repository.Root, "web", "src", "register", "password-rule-cases.json");
        var cases = JsonSerializer.Deserialize<PasswordCase[]>(File.ReadAllText(path), JsonSerializerOptions.Web)!;
        var data = new TheoryData<string, string, string?>();
        foreach (var c in cases)
            data.Add(c.Password, c.Email, c.Rule);
        return data;
    }

    [Theory]
    [MemberData(nameof(SharedCases))]
    public void Password_gets_the_same_verdict_as_in_the_registration_form(string password, string email, string? rule) =>
        (PasswordPolicy.Check(password, email)?.Code).ShouldBe(rule);

    [Theory]
    [InlineData("aaaaaaaaaa")]
    [InlineData("1234567890")]
    [InlineData("password12")]
    [InlineData("          ")]
    public void The_passwords_the_probe_registered_with_are_refused(string password) =>
        PasswordPolicy.Check(password, "probe@example.com").ShouldNotBeNull();

    [Fact]
    public void The_embedded_list_holds_the_10000_most_common_passwords() =>
        CommonPasswords.Count.ShouldBe(10_000);
}
