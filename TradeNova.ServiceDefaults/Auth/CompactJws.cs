using System.Buffers.Text;
using System.Text.Json;

namespace TradeNova.ServiceDefaults.Auth;

/// <summary>
/// Shape checks applied before any token is handed to Microsoft.IdentityModel 6.8.0, which predates the fix for
/// CVE-2024-21319 (a compressed JWE can exhaust memory): only a compact JWS of exactly three non-empty base64url
/// segments is ever parsed by the library.
/// </summary>
public static class CompactJws
{
    /// <summary>Far above any TradeNova access token; bounds the work done on hostile input.</summary>
    public const int MaxLength = 8 * 1024;

    public static bool HasJwsShape(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
            return false;

        var dots = 0;
        var segmentLength = 0;
        foreach (var c in token)
        {
            if (c == '.')
            {
                if (segmentLength == 0)
                    return false;
                dots++;
                segmentLength = 0;
                continue;
            }

            if (!IsBase64UrlChar(c))
                return false;
            segmentLength++;
        }

        return dots == 2 && segmentLength > 0;
    }

    /// <summary>Reads the header of a token that passed <see cref="HasJwsShape"/>; false if it is not a JSON object.</summary>
    public static bool TryReadHeader(string token, out JwsHeader header)
    {
        header = new JwsHeader(null, null, false);
        if (!HasJwsShape(token))
            return false;

        var encoded = token.AsSpan(0, token.IndexOf('.'));
        var bytes = new byte[Base64Url.GetMaxDecodedLength(encoded.Length)];
        if (Base64Url.DecodeFromChars(encoded, bytes, out _, out var written) != System.Buffers.OperationStatus.Done)
            return false;

        try
        {
            using var document = JsonDocument.Parse(bytes.AsMemory(0, written));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return false;

            header = new JwsHeader(
                ReadString(root, "alg"),
                ReadString(root, "kid"),
                root.TryGetProperty("enc", out _) || root.TryGetProperty("zip", out _));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? ReadString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool IsBase64UrlChar(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';
}
