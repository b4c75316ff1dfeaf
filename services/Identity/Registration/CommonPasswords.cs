using System.Collections.Frozen;
using System.Text.Json;

namespace TradeNova.Identity.Registration;

/// <summary>
/// The 10,000 most common passwords, lower case (web/src/register/common-passwords.json, embedded; the SPA imports the
/// same file; how it was made: web/scripts/generate-common-passwords.mjs).
/// </summary>
public static class CommonPasswords
{
    public const string ResourceName = "TradeNova.Identity.common-passwords.json";

    private static readonly Lazy<FrozenSet<string>> Set = new(Load);

    public static int Count => Set.Value.Count;

    public static bool Contains(string lowerCasePassword) => Set.Value.Contains(lowerCasePassword);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        var passwords = JsonSerializer.Deserialize<string[]>(stream) ?? [];
        return passwords.ToFrozenSet(StringComparer.Ordinal);
    }
}
