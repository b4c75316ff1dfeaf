namespace TradeNova.ServiceDefaults.Problems;

/// <summary>
/// Rules for text that will be stored. PostgreSQL refuses U+0000 in <c>text</c>, and Npgsql cannot encode a lone UTF-16
/// surrogate as UTF-8: either would surface as a 500 on the write. JSON bodies are checked for every service by
/// <see cref="StorableStringJsonConverter"/>; use these for text that arrives another way (headers, files, query strings).
/// </summary>
public static class TextInput
{
    public const string NotStorableMessage = "Contains a NUL character or an unpaired surrogate.";

    /// <summary>True when <paramref name="value"/> is null or has neither U+0000 nor an unpaired UTF-16 surrogate.</summary>
    public static bool IsStorable(string? value) => value is null || FirstUnstorableIndex(value) < 0;

    /// <summary>Index of the first U+0000 or unpaired surrogate, or -1.</summary>
    public static int FirstUnstorableIndex(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0')
                return i;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (char.IsLowSurrogate(c))
                return i;
        }

        return -1;
    }

    /// <summary>
    /// At most <paramref name="maxLength"/> UTF-16 units of <paramref name="value"/>, never ending in the first half of a
    /// surrogate pair (which would make the result unstorable).
    /// </summary>
    public static string Truncate(string value, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        if (value.Length <= maxLength)
            return value;
        var cut = maxLength;
        if (cut > 0 && char.IsHighSurrogate(value[cut - 1]))
            cut--;
        return value[..cut];
    }

    /// <summary>Adds the field error when <paramref name="value"/> is not storable.</summary>
    public static ValidationErrors CheckStorable(this ValidationErrors errors, string? value, string field) =>
        errors.Check(IsStorable(value), field, NotStorableMessage);
}
