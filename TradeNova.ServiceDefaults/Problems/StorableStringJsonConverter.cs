using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradeNova.ServiceDefaults.Problems;

/// <summary>
/// Refuses, while a request body is bound, any JSON string (value or property name) that <see cref="TextInput.IsStorable"/>
/// rejects. Minimal APIs turn the <see cref="JsonException"/> into a 400, so a NUL in any text field of any service is bad
/// input before a handler runs, instead of a 500 from the database.
/// </summary>
public sealed class StorableStringJsonConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    // Without these two a custom string converter would make every Dictionary<string, T> unsupported.
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString()) ?? string.Empty;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    private static string? Checked(string? value) =>
        TextInput.IsStorable(value) ? value : throw new JsonException(TextInput.NotStorableMessage);
}
