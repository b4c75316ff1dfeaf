namespace TradeNova.Gateway.Security;

/// <summary>
/// Removes request headers a client could use to claim an identity downstream. Services take the user only from the
/// token, but a header that never arrives cannot be trusted by mistake.
/// </summary>
public static class IdentityHeaderStripper
{
    private static readonly string[] Prefixes =
    [
        "X-User", "X-Auth", "X-Remote-User", "X-Forwarded-User", "X-Forwarded-Email", "X-Subject", "X-Role",
        "X-Tenant", "X-Principal", "X-Client-Principal", "X-Api-User",
    ];

    public static bool IsIdentityHeader(string name) =>
        Prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    public static void Strip(IHeaderDictionary headers)
    {
        foreach (var name in headers.Keys.Where(IsIdentityHeader).ToArray())
            headers.Remove(name);
    }

    public static IApplicationBuilder UseIdentityHeaderStripping(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            Strip(context.Request.Headers);
            return next(context);
        });
}
