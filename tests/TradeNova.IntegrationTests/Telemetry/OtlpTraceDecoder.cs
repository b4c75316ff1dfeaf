using System.Text;

namespace TradeNova.IntegrationTests.Telemetry;

/// <summary>
/// Reads the spans out of an OTLP <c>ExportTraceServiceRequest</c> (protobuf). Only the fields the tests look at are
/// decoded (OpenTelemetry.Proto is not served here): ResourceSpans(1) → Resource(1).attributes(1) for
/// <c>service.name</c>, ScopeSpans(2) → scope(1).name(1) and spans(2) → trace_id(1), span_id(2), parent_span_id(4),
/// name(5), kind(6). Everything else is skipped by wire type.
/// </summary>
public static class OtlpTraceDecoder
{
    public static IReadOnlyList<ReceivedSpan> Decode(ReadOnlySpan<byte> request)
    {
        var spans = new List<ReceivedSpan>();
        var reader = new ProtoReader(request);
        while (reader.Next(out var field, out var wire))
        {
            if (field == 1 && wire == 2)
                DecodeResourceSpans(reader.Bytes(), spans);
            else
                reader.Skip(wire);
        }

        return spans;
    }

    private static void DecodeResourceSpans(ReadOnlySpan<byte> message, List<ReceivedSpan> spans)
    {
        var service = "";
        var scopes = new List<byte[]>();
        var reader = new ProtoReader(message);
        while (reader.Next(out var field, out var wire))
        {
            if (field == 1 && wire == 2)
                service = ReadServiceName(reader.Bytes()) ?? service;
            else if (field == 2 && wire == 2)
                scopes.Add(reader.Bytes().ToArray());
            else
                reader.Skip(wire);
        }

        foreach (var scopeSpans in scopes)
        {
            var scope = "";
            var scopeReader = new ProtoReader(scopeSpans);
            while (scopeReader.Next(out var field, out var wire))
            {
                if (field == 1 && wire == 2)
                    scope = ReadString(scopeReader.Bytes(), 1) ?? "";
                else if (field == 2 && wire == 2)
                    spans.Add(DecodeSpan(scopeReader.Bytes(), service, scope));
                else
                    scopeReader.Skip(wire);
            }
        }
    }

    private static ReceivedSpan DecodeSpan(ReadOnlySpan<byte> message, string service, string scope)
    {
        string traceId = "", spanId = "", parent = "", name = "";
        var kind = 0;
        var reader = new ProtoReader(message);
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (1, 2): traceId = Convert.ToHexStringLower(reader.Bytes()); break;
                case (2, 2): spanId = Convert.ToHexStringLower(reader.Bytes()); break;
                case (4, 2): parent = Convert.ToHexStringLower(reader.Bytes()); break;
                case (5, 2): name = Encoding.UTF8.GetString(reader.Bytes()); break;
                case (6, 0): kind = (int)reader.Varint(); break;
                default: reader.Skip(wire); break;
            }
        }

        return new ReceivedSpan(service, scope, traceId, spanId, parent, name, kind);
    }

    /// <summary>Resource.attributes(1) are KeyValue { key(1), value(2): AnyValue { string_value(1) } }.</summary>
    private static string? ReadServiceName(ReadOnlySpan<byte> resource)
    {
        var reader = new ProtoReader(resource);
        while (reader.Next(out var field, out var wire))
        {
            if (field != 1 || wire != 2)
            {
                reader.Skip(wire);
                continue;
            }

            var keyValue = reader.Bytes();
            if (ReadString(keyValue, 1) == "service.name" && ReadField(keyValue, 2) is { } anyValue)
                return ReadString(anyValue, 1);
        }

        return null;
    }

    private static string? ReadString(ReadOnlySpan<byte> message, int wanted) =>
        ReadField(message, wanted) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    private static byte[]? ReadField(ReadOnlySpan<byte> message, int wanted)
    {
        var reader = new ProtoReader(message);
        while (reader.Next(out var field, out var wire))
        {
            if (field == wanted && wire == 2)
                return reader.Bytes().ToArray();
            reader.Skip(wire);
        }

        return null;
    }

    /// <summary>The protobuf wire format: a varint tag (field number, wire type), then the value.</summary>
    private ref struct ProtoReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _position;

        public bool Next(out int field, out int wire)
        {
            field = wire = 0;
            if (_position >= _data.Length)
                return false;
            var tag = Varint();
            field = (int)(tag >> 3);
            wire = (int)(tag & 7);
            return true;
        }

        public ulong Varint()
        {
            ulong value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = _data[_position++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                    return value;
            }
        }

        public ReadOnlySpan<byte> Bytes()
        {
            var length = (int)Varint();
            var bytes = _data.Slice(_position, length);
            _position += length;
            return bytes;
        }

        public void Skip(int wire)
        {
            switch (wire)
            {
                case 0: Varint(); break;
                case 1: _position += 8; break;
                case 2: Bytes(); break;
                case 5: _position += 4; break;
                default: throw new FormatException($"Unsupported protobuf wire type {wire}.");
            }
        }
    }
}
