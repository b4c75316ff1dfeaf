using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TradeNova.Fuzz;

/// <summary>Malformed bodies: broken JSON, wrong types, hostile text, huge and deep documents, bad charsets and framing.</summary>
public static class BodyMutations
{
    private static readonly string[] BadJson =
    [
        "", "{", "}", "[]", "null", "\"text\"", "42", "{\"a\":}", "{\"a\" 1}", "{'a':1}", "{\"a\":1,}", "{\"a\":NaN}",
        "{\"a\":1}{\"b\":2}", "\uFEFF{}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "/* c */ {}", "{\"a\":1e999999}",
    ];

    /// <summary>Escaped JSON string literals (without quotes) that must be refused or stored safely, never a 500.</summary>
    private static readonly string[] HostileText =
    [
        "\\u0000", "a\\u0000b", "\\ud800", "\\udfff\\ud800", "x\\ud83d", "\\u202e\\u202dreversed", "\\u200b\\u200d\\ufeff",
        "\\u0001\\u001f\\u007f", "😀😀😀", "\\ud83d\\ude00", "' OR '1'='1' --", "\\\"; DROP TABLE users; --", "%s%n%x{0}",
        "<script>alert(1)</script>", "../../../../etc/passwd", "\\r\\nX-Injected: 1", "ＡＢＣ＠ｅｘａｍｐｌｅ．ｃｏｍ",
        "\\u212Aelvin@example.com", "a@b.", "x@-example.com", "", " ", "null", "true", "-1", "1e400", "NaN",
    ];

    private static readonly JsonNode?[] WrongValues =
    [
        JsonValue.Create(0), JsonValue.Create(-1), JsonValue.Create(long.MaxValue), JsonValue.Create(1.5e300), JsonValue.Create(true),
        null, new JsonArray(), new JsonObject(), JsonValue.Create("not-a-number"), JsonValue.Create("00000000-0000-0000-0000-000000000000"),
        JsonValue.Create("9999-99-99"), JsonValue.Create(new string('9', 400)),
    ];

    private static readonly string[] ContentTypes =
    [
        "application/json; charset=nonsense", "application/json; charset=utf-7", "application/json; charset=\"utf-8\"",
        "application/json; charset=", "application/json; charset=utf-16", "application/json; charset=utf-32BE",
        "application/json;;;", "application/json; charset=utf-8; charset=latin1", "text/plain", "application/xml",
        "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=", "*/*", "json", "",
        "application/json; charset=ibm037",
    ];

    public static IEnumerable<(string Kind, string Description, Func<RawRequest, RawRequest> Apply)> For(string sampleBody)
    {
        foreach (var json in BadJson)
            yield return ("bad-json", Short(json), r => r.WithBody(json));

        var sample = JsonNode.Parse(sampleBody) as JsonObject;
        var fields = sample?.Select(p => p.Key).ToArray() ?? [];
        foreach (var field in fields)
        {
            foreach (var wrong in WrongValues)
                yield return ("wrong-type", $"{field}={Short(wrong?.ToJsonString() ?? "null")}", r => r.WithBody(Replace(sampleBody, field, wrong?.ToJsonString() ?? "null")));
            foreach (var text in HostileText)
                yield return ("hostile-text", $"{field}=\"{Short(text)}\"", r => r.WithBody(Replace(sampleBody, field, $"\"{text}\"")));
            yield return ("invalid-utf8", $"{field} raw 0xC0AF/0xEDA080/0xFF", r => r.WithBody(ReplaceRaw(sampleBody, field, [0xC0, 0xAF, 0xED, 0xA0, 0x80, 0xFF]), "application/json"));
            yield return ("huge-text", $"{field} 1 MB", r => r.WithBody(Replace(sampleBody, field, $"\"{new string('x', 1_000_000)}\"")));
            yield return ("missing-field", $"without {field}", r => r.WithBody(Without(sampleBody, field)));
        }

        foreach (var contentType in ContentTypes)
            yield return ("charset", $"Content-Type: {contentType}", r => r.WithBody(Encoding.UTF8.GetBytes(sampleBody), contentType));

        yield return ("deep-json", "20,000 nested arrays", r => r.WithBody(new string('[', 20_000) + new string(']', 20_000)));
        yield return ("deep-json", "2,000 nested objects", r => r.WithBody(string.Concat(Enumerable.Repeat("{\"a\":", 2000)) + "1" + new string('}', 2000)));
        yield return ("huge-body", "2 MB array", r => r.WithBody("[" + string.Join(',', Enumerable.Repeat("1", 1_000_000)) + "]"));
        yield return ("duplicate-keys", "every field twice", r => r.WithBody(sampleBody.TrimEnd('}') + "," + sampleBody.TrimStart('{')));
        yield return ("utf16-body", "UTF-16 bytes declared as UTF-8", r => r.WithBody(Encoding.Unicode.GetBytes(sampleBody), "application/json; charset=utf-8"));
        yield return ("framing", "Content-Length larger than the body", r => r.WithBody(sampleBody).DeclaringLength(sampleBody.Length + 100));
        yield return ("framing", "Content-Length negative", r => r.WithBody(sampleBody).DeclaringLength(-1));
        yield return ("framing", "bad chunk size", r => r.Header("Transfer-Encoding", "chunked").WithBody(Encoding.ASCII.GetBytes("zz\r\nabc\r\n0\r\n\r\n"), "application/json"));
        yield return ("framing", "chunked and Content-Length", r => r.Header("Transfer-Encoding", "chunked").Header("Content-Length", "5").WithBody(Encoding.ASCII.GetBytes("2\r\n{}\r\n0\r\n\r\n"), "application/json"));
        yield return ("framing", "gzip declared, not gzip", r => r.Header("Content-Encoding", "gzip").WithBody(sampleBody));
    }

    private static string Replace(string sampleBody, string field, string rawJsonValue)
    {
        var copy = JsonNode.Parse(sampleBody)!.AsObject();
        copy[field] = null;
        var text = copy.ToJsonString();
        return text.Replace($"\"{field}\":null", $"\"{field}\":{rawJsonValue}", StringComparison.Ordinal);
    }

    private static byte[] ReplaceRaw(string sampleBody, string field, byte[] rawBytes)
    {
        var marker = "\u0001MARK\u0001";
        var text = Replace(sampleBody, field, "\"MARKER\"").Replace("MARKER", marker, StringComparison.Ordinal);
        var parts = text.Split(marker);
        return [.. Encoding.UTF8.GetBytes(parts[0]), .. rawBytes, .. Encoding.UTF8.GetBytes(parts[1])];
    }

    private static string Without(string sampleBody, string field)
    {
        var copy = JsonNode.Parse(sampleBody)!.AsObject();
        copy.Remove(field);
        return copy.ToJsonString(new JsonSerializerOptions());
    }

    public static string Short(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
