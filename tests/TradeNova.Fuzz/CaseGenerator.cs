namespace TradeNova.Fuzz;

/// <summary>Every mutation of every endpoint on every target that serves it, shuffled with a seed.</summary>
public static class CaseGenerator
{
    public static List<FuzzCase> Generate(IReadOnlyList<FuzzTarget> targets, IReadOnlyList<FuzzEndpoint> endpoints, string? validToken, int seed)
    {
        var cases = new List<FuzzCase>();
        foreach (var target in targets)
        {
            var served = endpoints.Where(target.Serves)
                .Concat(FuzzEndpoints.Common(target.Service ?? "gateway").Where(e => target.Service is not null || e.Path != "/openapi/v1.json"));
            foreach (var endpoint in served)
                cases.AddRange(For(target, endpoint, validToken));
        }

        var random = new Random(seed);
        return [.. cases.OrderBy(_ => random.Next())];
    }

    private static IEnumerable<FuzzCase> For(FuzzTarget target, FuzzEndpoint endpoint, string? validToken)
    {
        var path = endpoint.Path.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        Func<RawRequest, RawRequest> authorize = endpoint.Anonymous || validToken is null
            ? r => r
            : r => r.Header("Authorization", "Bearer " + validToken);

        // Request-line and header mutations are cheap to build; they are built again when sent so each send is fresh.
        var requestMutations = RequestMutations.For(endpoint, path, authorize).Select(m => (m.Kind, m.Description)).ToList();
        for (var i = 0; i < requestMutations.Count; i++)
        {
            var index = i;
            yield return new FuzzCase(target, endpoint, requestMutations[i].Kind, requestMutations[i].Description,
                () => RequestMutations.For(endpoint, path, authorize).ElementAt(index).Request);
        }

        var tokenMutations = RequestMutations.Tokens(endpoint, path, validToken).ToList();
        foreach (var (kind, description, request) in tokenMutations)
            yield return new FuzzCase(target, endpoint, kind, description, () => request);

        if (endpoint.SampleBody is null && endpoint.Method is "GET" or "DELETE" or "HEAD")
            yield break;
        foreach (var (kind, description, apply) in BodyMutations.For(endpoint.SampleBody ?? "{}"))
            yield return new FuzzCase(target, endpoint, kind, description, () => apply(authorize(new RawRequest(endpoint.Method, path))));
    }
}
