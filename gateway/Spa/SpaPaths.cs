namespace TradeNova.Gateway.Spa;

/// <summary>Which paths belong to the SPA and how its files may be cached.</summary>
public static class SpaPaths
{
    public const string IndexFile = "index.html";
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";
    public const string NoCache = "no-cache";

    /// <summary>
    /// API and hub paths never fall back to index.html: an unknown one is a 404 problem. Empty segments and backslashes
    /// are ignored first, so <c>//api/v1/x</c> or <c>/\api</c> (which routing does not match) cannot reach the SPA's HTML.
    /// </summary>
    public static bool IsBackendPath(PathString path)
    {
        var canonical = Canonical(path);
        return canonical.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
               || canonical.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary><paramref name="path"/> with backslashes as slashes and runs of slashes collapsed to one.</summary>
    public static PathString Canonical(PathString path)
    {
        var value = path.Value;
        if (string.IsNullOrEmpty(value))
            return path;
        var segments = value.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        return new PathString("/" + string.Join('/', segments));
    }

    /// <summary>Vite puts content-hashed file names under /assets/, so they never change and may be cached for a year.</summary>
    public static string CacheControlFor(PathString path) =>
        path.StartsWithSegments("/assets", StringComparison.OrdinalIgnoreCase) ? ImmutableCacheControl : NoCache;
}
