namespace TradeNova.AppHost.Runner;

/// <summary>One line of <c>resources.tsv</c>: what the dashboard's resource table says about a resource.</summary>
internal sealed record ResourceRow(string Name, string Type, string State, string Health, string Url, string Pid)
{
    public static ResourceRow From(ResourceEvent update)
    {
        var snapshot = update.Snapshot;
        var pid = snapshot.Properties.FirstOrDefault(property => property.Name == "executable.pid")?.Value;
        return new ResourceRow(
            update.Resource.Name,
            snapshot.ResourceType,
            snapshot.State?.Text is { Length: > 0 } state ? state : "-",
            snapshot.HealthStatus?.ToString() ?? "-",
            snapshot.Urls.FirstOrDefault(url => !url.IsInternal)?.Url ?? "-",
            pid?.ToString() ?? "-");
    }

    public string ToTsv() => string.Join('\t', Name, Type, State, Health, Url, Pid);
}
