using TradeNova.Identity.Tokens;

namespace TradeNova.Identity.Apis;

public static class JwksApi
{
    public static IEndpointRouteBuilder MapJwksApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/jwks.json", GetJwks).AllowAnonymous();
        app.MapGet("/api/v1/identity/.well-known/jwks.json", GetJwks).AllowAnonymous();
        return app;
    }

    public static async Task<Ok<JsonWebKeySetDocument>> GetJwks(SigningKeyStore keys, HttpContext http, CancellationToken cancellationToken)
    {
        var keySet = await keys.GetAsync(cancellationToken);
        http.Response.Headers.CacheControl = "public, max-age=60";
        return TypedResults.Ok(JsonWebKeySetDocument.From(keySet.Published));
    }
}
