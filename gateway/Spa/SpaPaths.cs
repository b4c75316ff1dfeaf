namespace TradeNova.Gateway.Spa;

/// <summary>Which paths belong to the SPA and how its files may be cached.</summary>
public static class SpaPaths
{
    public const string IndexFile = "index.html";
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";
    public const string NoCache = "no-cache";

    /// <summary>API and hub paths never fall back to index.html: an unknown one is a 404 problem.</summary>
    public static bool IsBackendPath(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase);

    /// <summary>Vite puts content-hashed file names under /assets/, so they never change and may be cached for a year.</summary>
    public static string CacheControlFor(PathString path) =>
        path.StartsWithSegments("/assets", StringComparison.OrdinalIgnoreCase) ? ImmutableCacheControl : NoCache;
}
