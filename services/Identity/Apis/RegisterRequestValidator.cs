using System.Globalization;
using System.Text;
using TradeNova.Identity.Registration;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Identity.Apis;

public static class RegisterRequestValidator
{
    public const int MinPasswordLength = PasswordPolicy.MinLength;
    public const int MaxPasswordLength = PasswordPolicy.MaxLength;
    public const int MaxDisplayNameLength = 64;
    public const int MaxEmailLength = EmailNormalizer.MaxLength;

    /// <summary>Field errors of <paramref name="request"/>; <paramref name="email"/> is the canonical address when it is valid.</summary>
    public static ValidationErrors Validate(RegisterRequest request, out NormalizedEmail? email)
    {
        var errors = new ValidationErrors();
        email = EmailNormalizer.Normalize(request.Email);
        errors.Check(email is not null, "email", "Enter a valid email address.");

        if (PasswordPolicy.Check(request.Password, email?.Address ?? request.Email) is { } broken)
            errors.Add("password", broken.Message);

        var displayName = request.DisplayName?.Trim() ?? "";
        errors.Check(displayName.Length > 0, "displayName", "Enter a display name.");
        errors.Check(displayName.Length <= MaxDisplayNameLength, "displayName", $"Use at most {MaxDisplayNameLength} characters.");
        errors.Check(IsPlainText(displayName), "displayName", "Use letters, digits, spaces and punctuation only.");
        return errors;
    }

    /// <summary>No control or invisible formatting characters (NUL, bidi overrides, zero-width joiners used for spoofing).</summary>
    public static bool IsPlainText(string value)
    {
        if (!TextInput.IsStorable(value))
            return false;
        foreach (var rune in value.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                return false;
        }

        return true;
    }
}
