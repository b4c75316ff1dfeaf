using System.Net.Mail;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Identity.Apis;

public static class RegisterRequestValidator
{
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 128;
    public const int MaxDisplayNameLength = 64;
    public const int MaxEmailLength = 254;

    public static ValidationErrors Validate(RegisterRequest request)
    {
        var errors = new ValidationErrors();
        var email = request.Email?.Trim() ?? "";
        errors.Check(IsEmail(email), "email", "Enter a valid email address.");
        var password = request.Password ?? "";
        errors.Check(password.Length >= MinPasswordLength, "password", $"Use at least {MinPasswordLength} characters.");
        errors.Check(password.Length <= MaxPasswordLength, "password", $"Use at most {MaxPasswordLength} characters.");
        var displayName = request.DisplayName?.Trim() ?? "";
        errors.Check(displayName.Length > 0, "displayName", "Enter a display name.");
        errors.Check(displayName.Length <= MaxDisplayNameLength, "displayName", $"Use at most {MaxDisplayNameLength} characters.");
        return errors;
    }

    public static bool IsEmail(string email) =>
        email.Length is > 0 and <= MaxEmailLength
        && MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.Host.Contains('.', StringComparison.Ordinal);
}
