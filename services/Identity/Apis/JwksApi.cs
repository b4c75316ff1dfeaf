using Microsoft.Extensions.Options;
using TradeNova.Identity.Tokens;
using TradeNova.ServiceDefaults.Auth;

namespace TradeNova.Identity.Apis;

public static class JwksApi
{
    public const string JwksPath = "/.well-known/jwks.json";

    public static IEndpointRouteBuilder MapJwksApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(JwksPath, GetJwks).AllowAnonymous();
        app.MapGet("/api/v1/identity/.well-known/jwks.json", GetJwks).AllowAnonymous();
        // Where JwtBearer (ServiceDefaults) finds the JWKS, the standard way.
        app.MapGet("/.well-known/openid-configuration", GetOpenIdConfiguration).AllowAnonymous();
        return app;
    }

    public static async Task<Ok<JsonWebKeySetDocument>> GetJwks(SigningKeyStore keys, HttpContext http, CancellationToken cancellationToken)
    {
        var keySet = await keys.GetAsync(cancellationToken);
        http.Response.Headers.CacheControl = "public, max-age=60";
        return TypedResults.Ok(JsonWebKeySetDocument.From(keySet.Published));
    }

    /// <summary>Only what a token validator needs: the issuer and where the keys are (on the host that was asked).</summary>
    public static Ok<OpenIdConfigurationDocument> GetOpenIdConfiguration(IOptionsMonitor<TradeNovaJwtOptions> jwt, HttpContext http) =>
        TypedResults.Ok(new OpenIdConfigurationDocument(
            jwt.CurrentValue.Issuer,
            $"{http.Request.Scheme}://{http.Request.Host}{JwksPath}",
            [TradeNovaAuthDefaults.Algorithm]));
}
