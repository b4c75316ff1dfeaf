using System.Text;

namespace TradeNova.Fuzz;

/// <summary>Builds HTTP/1.1 request bytes exactly as given: any method, request target, headers and body.</summary>
public sealed class RawRequest(string method, string target)
{
    private readonly List<(string Name, string Value)> _headers = [];

    public string Method { get; } = method;

    public string Target { get; } = target;

    public byte[]? Body { get; private set; }

    /// <summary>A declared length that differs from the body (null: the body's real length).</summary>
    public long? DeclaredLength { get; private set; }

    public bool OmitHost { get; private set; }

    public RawRequest Header(string name, string value)
    {
        _headers.Add((name, value));
        return this;
    }

    public RawRequest WithBody(byte[] body, string? contentType)
    {
        Body = body;
        if (contentType is not null)
            Header("Content-Type", contentType);
        return this;
    }

    public RawRequest WithBody(string body, string? contentType = "application/json") => WithBody(Encoding.UTF8.GetBytes(body), contentType);

    public RawRequest DeclaringLength(long length)
    {
        DeclaredLength = length;
        return this;
    }

    public RawRequest WithoutHost()
    {
        OmitHost = true;
        return this;
    }

    public byte[] ToBytes(string host)
    {
        var head = new StringBuilder();
        head.Append(Method).Append(' ').Append(Target).Append(" HTTP/1.1\r\n");
        if (!OmitHost && !_headers.Any(h => h.Name.Equals("Host", StringComparison.OrdinalIgnoreCase)))
            head.Append("Host: ").Append(host).Append("\r\n");
        head.Append("Connection: close\r\n");
        foreach (var (name, value) in _headers)
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        var chunked = _headers.Any(h => h.Name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase));
        if (!chunked && (Body is not null || DeclaredLength is not null))
            head.Append("Content-Length: ").Append(DeclaredLength ?? Body!.LongLength).Append("\r\n");
        head.Append("\r\n");
        var headBytes = Encoding.UTF8.GetBytes(head.ToString());
        return Body is null ? headBytes : [.. headBytes, .. Body];
    }
}
