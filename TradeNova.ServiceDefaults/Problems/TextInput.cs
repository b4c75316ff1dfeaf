using System.Buffers;
using System.Text;

namespace TradeNova.ServiceDefaults.Problems;

/// <summary>
/// Rules for text that will be stored. PostgreSQL refuses U+0000 in <c>text</c>, and Npgsql cannot encode a lone UTF-16
/// surrogate as UTF-8: either would surface as a 500 on the write. JSON bodies are checked for every service by
/// <see cref="StorableStringJsonConverter"/>; use these for text that arrives another way (headers, files, query strings).
/// </summary>
public static class TextInput
{
    public const string NotStorableMessage = "Contains a NUL character or an unpaired surrogate.";

    /// <summary>True when <paramref name="value"/> is null or decodes as UTF-16 without U+0000 or an unpaired surrogate.</summary>
    public static bool IsStorable(string? value)
    {
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) != OperationStatus.Done || rune.Value == 0)
                return false;
            rest = rest[consumed..];
        }

        return true;
    }
}
