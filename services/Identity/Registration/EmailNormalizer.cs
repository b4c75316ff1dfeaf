using System.Globalization;
using System.Text;

namespace TradeNova.Identity.Registration;

/// <summary>
/// One mailbox, one account: fullwidth letters, the Kelvin sign, a trailing-dot domain or a Unicode domain must not make
/// a second account for an address that already has one. NFKC first, then the domain to ASCII (IDNA, STD3 rules) and
/// lower case. Addresses that cannot receive mail (no dot in the domain, a label starting or ending with '-', a label over
/// 63 characters, a numeric top-level domain, ...) are refused. The SPA mirrors this in web/src/register/email.ts.
/// </summary>
public static class EmailNormalizer
{
    public const int MaxLength = 254;
    public const int MaxLocalPartLength = 64;
    public const int MaxDomainLength = 253;
    public const int MaxLabelLength = 63;

    private const string LocalPartForbidden = "\"(),:;<>@[\\]";

    /// <summary>The canonical address, or null when <paramref name="input"/> is not a deliverable address.</summary>
    public static NormalizedEmail? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 4 * MaxLength)
            return null;

        string text;
        try
        {
            text = input.Trim().Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return null; // invalid UTF-16 (a lone surrogate)
        }

        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1)
            return null;
        var local = text[..at];
        var domain = text[(at + 1)..];
        if (!IsLocalPart(local))
            return null;

        // "example.com." is the fully qualified spelling of "example.com": the same mailbox.
        if (domain.EndsWith('.'))
            domain = domain[..^1];
        var ascii = ToAsciiDomain(domain);
        if (ascii is null || !IsDeliverableDomain(ascii))
            return null;

        var address = $"{local}@{ascii}";
        return address.Length > MaxLength ? null : new NormalizedEmail(address, address.ToLowerInvariant());
    }

    /// <summary>The uniqueness key of an address that may not be valid (login with whatever the user typed).</summary>
    public static string KeyOf(string? input) =>
        Normalize(input)?.Key ?? (input ?? string.Empty).Trim().ToLowerInvariant();

    private static bool IsLocalPart(string local)
    {
        if (local.Length is 0 or > MaxLocalPartLength || local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
            return false;
        foreach (var rune in local.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || Rune.IsWhiteSpace(rune) || (rune.IsAscii && LocalPartForbidden.Contains((char)rune.Value, StringComparison.Ordinal)))
                return false;
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate)
                return false;
        }

        return true;
    }

    private static string? ToAsciiDomain(string domain)
    {
        if (domain.Length is 0 or > MaxDomainLength * 4)
            return null;
        try
        {
            return new IdnMapping { UseStd3AsciiRules = true, AllowUnassigned = false }.GetAscii(domain).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsDeliverableDomain(string ascii)
    {
        if (ascii.Length > MaxDomainLength)
            return false;
        var labels = ascii.Split('.');
        if (labels.Length < 2)
            return false;
        foreach (var label in labels)
        {
            if (label.Length is 0 or > MaxLabelLength || label[0] == '-' || label[^1] == '-')
                return false;
            if (!label.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
                return false;
        }

        var topLevel = labels[^1];
        return topLevel.Length >= 2 && !topLevel.All(char.IsAsciiDigit);
    }
}
