using Microsoft.AspNetCore.Http;

namespace TradeNova.ServiceDefaults.Auth;

/// <summary>Finds the access token of a request: the <c>Authorization: Bearer</c> header, or on hub paths the <c>access_token</c> query.</summary>
public static class BearerTokenReader
{
    private const string Prefix = "Bearer ";

    public static string? Read(HttpRequest request)
    {
        string? authorization = request.Headers.Authorization;
        if (!string.IsNullOrEmpty(authorization))
        {
            return authorization.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
                ? authorization[Prefix.Length..].Trim()
                : null;
        }

        if (request.Path.StartsWithSegments(TradeNovaAuthDefaults.HubPathPrefix, StringComparison.OrdinalIgnoreCase))
        {
            string? fromQuery = request.Query[TradeNovaAuthDefaults.AccessTokenQueryParameter];
            return string.IsNullOrEmpty(fromQuery) ? null : fromQuery;
        }

        return null;
    }
}
