namespace TradeNova.Fuzz;

/// <summary>
/// One public route: the service that owns it, method, path (<c>{id}</c> is replaced by a fresh GUID), whether it needs a
/// token, and a valid-looking JSON body that the mutations start from (null: no body).
/// </summary>
public sealed record FuzzEndpoint(string Service, string Method, string Path, bool Anonymous = false, string? SampleBody = null)
{
    public bool ThroughGateway => !Path.StartsWith("/.well-known", StringComparison.Ordinal) && !Path.StartsWith("/openapi", StringComparison.Ordinal);
}
