namespace TradeNova.Identity.Registration;

/// <summary>
/// What a new password must not be: too short or long, one of the most common passwords (also with digits or symbols
/// around it, like "password12"), containing the email, mostly repeats ("aaaa", "abcabc", fewer than 5 different
/// characters) or mostly a sequence ("12345", "abcde", "qwerty", either direction). web/src/register/passwordRules.ts
/// is the same code for the SPA; both are run against web/src/register/password-rule-cases.json.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxLength = 128;
    public const int MinDistinctCharacters = 5;
    private const int MinCoreLength = 4;
    private const int MinRunLength = 3;
    private const int AllowedOutsideRuns = 3;

    // Adjacent characters in these (either direction) form a sequence; digits wrap (7890123).
    private static readonly string[] Sequences =
    [
        "abcdefghijklmnopqrstuvwxyz", "01234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertzuiop", "azertyuiop",
    ];

    /// <summary>The first rule <paramref name="password"/> breaks, or null when it is acceptable.</summary>
    public static PasswordRule? Check(string? password, string? email)
    {
        password ??= string.Empty;
        if (password.Length < MinLength)
            return PasswordRule.TooShort;
        if (password.Length > MaxLength)
            return PasswordRule.TooLong;

        var lower = password.ToLowerInvariant();
        if (IsCommon(lower))
            return PasswordRule.Common;
        if (ContainsEmail(lower, email))
            return PasswordRule.ContainsEmail;
        if (IsRepetitive(lower))
            return PasswordRule.Repetitive;
        if (IsMostlySequence(lower))
            return PasswordRule.Sequence;
        return null;
    }

    private static bool IsCommon(string lower)
    {
        if (CommonPasswords.Contains(lower))
            return true;
        var core = lower.Trim().TrimStart(NonLetters(lower)).TrimEnd(NonLetters(lower));
        return core.Length >= MinCoreLength && CommonPasswords.Contains(core);
    }

    // The digits, symbols and spaces of the password: what is stripped from its ends to find the word inside.
    private static char[] NonLetters(string lower) => lower.Where(c => !char.IsLetter(c)).Distinct().ToArray();

    private static bool ContainsEmail(string lower, string? email)
    {
        var address = (email ?? string.Empty).Trim().ToLowerInvariant();
        if (address.Length == 0)
            return false;
        var at = address.LastIndexOf('@');
        var local = at > 0 ? address[..at] : address;
        return lower.Contains(address, StringComparison.Ordinal)
               || (local.Length >= MinRunLength && lower.Contains(local, StringComparison.Ordinal));
    }

    private static bool IsRepetitive(string lower)
    {
        if (lower.Distinct().Count() < MinDistinctCharacters)
            return true;
        // A shorter unit repeated: s[i] == s[i - p] for every i (abcabcabc, 12121212).
        for (var period = 1; period <= lower.Length / 2; period++)
        {
            var repeats = true;
            for (var i = period; i < lower.Length && repeats; i++)
                repeats = lower[i] == lower[i - period];
            if (repeats)
                return true;
        }

        return false;
    }

    /// <summary>True when runs of 3+ sequential characters cover all but at most 3 characters of the password.</summary>
    private static bool IsMostlySequence(string lower)
    {
        var covered = 0;
        var i = 0;
        while (i < lower.Length - 1)
        {
            var direction = StepDirection(lower[i], lower[i + 1]);
            var end = i + 1;
            if (direction != 0)
            {
                while (end + 1 < lower.Length && Follows(lower[end], lower[end + 1], direction))
                    end++;
            }

            var length = end - i + 1;
            if (direction != 0 && length >= MinRunLength)
            {
                covered += length;
                i = end + 1;
            }
            else
            {
                i++;
            }
        }

        return covered >= lower.Length - AllowedOutsideRuns;
    }

    private static int StepDirection(char a, char b) => Follows(a, b, 1) ? 1 : Follows(a, b, -1) ? -1 : 0;

    private static bool Follows(char a, char b, int direction)
    {
        foreach (var sequence in Sequences)
        {
            for (var k = sequence.IndexOf(a, StringComparison.Ordinal); k >= 0; k = sequence.IndexOf(a, k + 1))
            {
                var next = k + direction;
                if (next >= 0 && next < sequence.Length && sequence[next] == b)
                    return true;
            }
        }

        return false;
    }
}
