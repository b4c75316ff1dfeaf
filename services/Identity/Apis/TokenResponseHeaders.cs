namespace TradeNova.Identity.Apis;

/// <summary>
/// Responses that carry tokens must never be stored by a browser, proxy or CDN (RFC 6749 §5.1): <c>Cache-Control:
/// no-store</c> and, for HTTP/1.0 caches, <c>Pragma: no-cache</c>. Set before the handler runs, so errors carry them too.
/// </summary>
public static class TokenResponseHeaders
{
    public static RouteHandlerBuilder WithNoStore(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
            return await next(context);
        });
}
