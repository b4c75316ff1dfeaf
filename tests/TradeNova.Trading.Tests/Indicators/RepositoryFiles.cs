namespace TradeNova.Trading.Tests.IndicatorTests;

/// <summary>Paths inside the repository, found from the test binary's location so tests work from any directory.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>tests/reference: the independent reference scripts and their npm lock file.</summary>
    public static string ReferenceDirectory => Path.Combine(Root, "tests", "reference");

    /// <summary>The committed copy of vega-datasets' sp500-2000.csv that the Trading library embeds as a resource.</summary>
    public static string Sp500Csv
    {
        get
        {
            var resources = Path.Combine(Root, "services", "Trading", "Resources");
            var found = Directory.Exists(resources)
                ? Directory.GetFiles(resources, "sp500-2000.csv", SearchOption.AllDirectories)
                : [];
            return found.Length == 1
                ? found[0]
                : throw new FileNotFoundException($"Expected exactly one sp500-2000.csv under {resources}, found {found.Length}.");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TradeNova.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("TradeNova.sln not found above " + AppContext.BaseDirectory);
    }
}
