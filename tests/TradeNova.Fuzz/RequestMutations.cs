namespace TradeNova.Fuzz;

/// <summary>Malformed request lines and headers: wrong methods, path and query tricks, header abuse, bad tokens.</summary>
public static class RequestMutations
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE", "CONNECT", "PROPFIND", "FOO", "get"];

    private static readonly string[] IdReplacements =
    [
        "not-a-guid", "00000000-0000-0000-0000-000000000000", "-1", "99999999999999999999999999", "%00", "..%2f..%2fetc%2fpasswd",
        "%c0%af", "{id}", "%7Bid%7D", "' OR 1=1 --", new string('a', 4000), "%F0%9F%98%80", "ü",
    ];

    public static IEnumerable<(string Kind, string Description, RawRequest Request)> For(FuzzEndpoint endpoint, string path, Func<RawRequest, RawRequest> authorize)
    {
        foreach (var method in Methods.Where(m => m != endpoint.Method))
            yield return ("wrong-method", method, authorize(new RawRequest(method, path)));

        var (route, query) = SplitQuery(path);
        string[] paths =
        [
            "/" + route, route + "/", route + "//", route.ToUpperInvariant(), route + ";jsessionid=x", route + "%00", route + "%2500",
            route.Replace("/api/", "/api/./", StringComparison.Ordinal), "/x/.." + route, route.Replace("/api/", "/api/%2e%2e/api/", StringComparison.Ordinal),
            route.Replace("/", "%2F", StringComparison.Ordinal), route.Replace("/", "\\", StringComparison.Ordinal), route + "/" + new string('a', 8000),
            route + "/%ff%fe", route + "/\u00fc", route + "#fragment", "*", "http://127.0.0.1:1" + route, route + "/..%252f",
        ];
        foreach (var trick in paths)
            yield return ("path-trick", BodyMutations.Short(trick), authorize(new RawRequest(endpoint.Method, trick + query)));

        if (endpoint.Path.Contains("{id}", StringComparison.Ordinal))
        {
            foreach (var id in IdReplacements)
                yield return ("route-value", BodyMutations.Short(id), authorize(new RawRequest(endpoint.Method, endpoint.Path.Replace("{id}", id, StringComparison.Ordinal))));
        }

        string[] queries =
        [
            "?a=%00", "?%00=1", "?a=%zz", "?a=%ud800", "?symbols=%00", "?symbols=" + new string('A', 10_000), "?" + string.Join('&', Enumerable.Repeat("a=1", 2000)),
            "?negotiateVersion=-1", "?negotiateVersion=99999999999", "?access_token=x.y.z", "?a[]=1&a[b]=2", "?=&=&", "?a=%F0%9F%98%80",
        ];
        foreach (var q in queries)
            yield return ("query", BodyMutations.Short(q), authorize(new RawRequest(endpoint.Method, route + (query.Length > 0 ? query + "&" + q[1..] : q))));

        foreach (var (name, value) in Headers())
            yield return ("header", BodyMutations.Short($"{name}: {value}"), authorize(new RawRequest(endpoint.Method, path)).Header(name, value));

        yield return ("header", "no Host", authorize(new RawRequest(endpoint.Method, path)).WithoutHost());
        yield return ("header", "200 headers", Many(authorize(new RawRequest(endpoint.Method, path)), 200));
    }

    public static IEnumerable<(string Kind, string Description, RawRequest Request)> Tokens(FuzzEndpoint endpoint, string path, string? validToken)
    {
        foreach (var (name, header) in FuzzTokens.Bad(validToken))
            yield return ("bad-token", name, new RawRequest(endpoint.Method, path).Header("Authorization", header));
        if (validToken is not null)
        {
            yield return ("bad-token", "two Authorization headers", new RawRequest(endpoint.Method, path)
                .Header("Authorization", "Bearer " + validToken).Header("Authorization", "Bearer x.y.z"));
            yield return ("bad-token", "token in the query on an API path", new RawRequest(endpoint.Method, path + (path.Contains('?') ? "&" : "?") + "access_token=" + validToken));
        }
    }

    private static IEnumerable<(string Name, string Value)> Headers() =>
    [
        ("X-Huge", new string('h', 40_000)),
        ("X-Forwarded-For", "999.999.999.999, ::::, <script>"),
        ("X-Forwarded-For", string.Join(", ", Enumerable.Repeat("10.0.0.1", 1000))),
        ("X-Forwarded-Host", "evil.example"),
        ("X-Forwarded-Proto", "gopher"),
        ("X-Original-URL", "/api/v1/risk/admin/halts"),
        ("X-Rewrite-URL", "/admin"),
        ("X-User-Id", Guid.NewGuid().ToString()),
        ("X-Role", "admin"),
        ("Host", "evil.example"),
        ("Host", "127.0.0.1:5100, evil.example"),
        ("Accept", "application/json;q=abc, */*;q=-1"),
        ("Accept-Charset", "nonsense"),
        ("Accept-Encoding", "br;q=2, gzip;q=NaN"),
        ("Expect", "100-continue"),
        ("Range", "bytes=-1-2,99999999999-"),
        ("If-None-Match", "\"" + new string('x', 5000) + "\""),
        ("Idempotency-Key", new string('k', 5000)),
        ("Idempotency-Key", "ü\u0001"),
        ("Cookie", string.Join("; ", Enumerable.Range(0, 500).Select(i => $"c{i}=v"))),
        ("Content-Type", "application/json; charset=nonsense"),
        ("Origin", "http://evil.example"),
        ("Upgrade", "websocket"),
        ("Connection", "Upgrade, close"),
        ("X-Header-With-Unicode", "\u00fc\u202e"),
        ("Bad Header Name", "x"),
    ];

    private static RawRequest Many(RawRequest request, int count)
    {
        for (var i = 0; i < count; i++)
            request.Header($"X-Fuzz-{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return request;
    }

    private static (string Route, string Query) SplitQuery(string path)
    {
        var at = path.IndexOf('?', StringComparison.Ordinal);
        return at < 0 ? (path, "") : (path[..at], path[at..]);
    }
}
