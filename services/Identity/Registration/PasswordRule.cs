namespace TradeNova.Identity.Registration;

/// <summary>Why a password is refused: a stable <paramref name="Code"/> (the SPA uses the same codes) and what to do.</summary>
public sealed record PasswordRule(string Code, string Message)
{
    public static readonly PasswordRule TooShort = new("too-short", $"Use at least {PasswordPolicy.MinLength} characters.");
    public static readonly PasswordRule TooLong = new("too-long", $"Use at most {PasswordPolicy.MaxLength} characters.");
    public static readonly PasswordRule Common = new("common", "This is one of the most common passwords; choose another.");
    public static readonly PasswordRule ContainsEmail = new("contains-email", "Don't use your email address in the password.");
    public static readonly PasswordRule Repetitive = new("repetitive", "Avoid repeated characters and patterns like aaaa or abcabc.");
    public static readonly PasswordRule Sequence = new("sequence", "Avoid sequences like 12345, abcde or qwerty.");
}
