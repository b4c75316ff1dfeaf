namespace TradeNova.Gateway.Spa;

/// <summary>Where the built SPA is, bound from <c>TradeNova:Gateway</c>.</summary>
public sealed class SpaOptions
{
    public const string SectionName = "TradeNova:Gateway";

    /// <summary>Folder of the built SPA (<c>web/dist</c>); relative paths are under the content root. Default <c>wwwroot</c>.</summary>
    public string? SpaRoot { get; set; }

    public string ResolveRoot(string contentRoot) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(SpaRoot) ? Path.Combine(contentRoot, "wwwroot") : Path.Combine(contentRoot, SpaRoot));
}
