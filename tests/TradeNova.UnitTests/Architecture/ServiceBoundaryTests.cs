using System.Xml.Linq;

namespace TradeNova.UnitTests.Architecture;

public class ServiceBoundaryTests
{
    /// <summary>The only projects services may share (ARCHITECTURE.md: services learn from events, not code).</summary>
    private static readonly string[] SharedProjects =
    [
        "services/Contracts/TradeNova.Contracts.csproj",
        "services/Trading/TradeNova.Trading.csproj",
        "TradeNova.ServiceDefaults/TradeNova.ServiceDefaults.csproj",
    ];

    public static TheoryData<string> ServiceProjects()
    {
        var data = new TheoryData<string>();
        foreach (var project in Directory.GetFiles(Path.Combine(Repository.Root, "services"), "*.csproj", SearchOption.AllDirectories)
                     .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                                    && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Repository.Relative(project));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ServiceProjects))]
    public void Service_project_references_only_Contracts_Trading_and_ServiceDefaults(string project)
    {
        var forbidden = ProjectReferences(project)
            .Where(reference => !SharedProjects.Contains(reference, StringComparer.Ordinal))
            .ToList();

        forbidden.ShouldBeEmpty($"{project} may share only {string.Join(", ", SharedProjects)}");
    }

    [Fact]
    public void Every_service_has_its_own_project()
    {
        foreach (var service in Repository.Services)
        {
            File.Exists(Path.Combine(Repository.Root, "services", service, $"TradeNova.{service}.csproj"))
                .ShouldBeTrue($"services/{service}/TradeNova.{service}.csproj is missing");
        }
    }

    [Fact]
    public void Gateway_does_not_reference_any_service_project()
    {
        var references = ProjectReferences("gateway/TradeNova.Gateway.csproj");

        references.Where(reference => reference.StartsWith("services/", StringComparison.Ordinal)
                                      && reference != "services/Contracts/TradeNova.Contracts.csproj")
            .ShouldBeEmpty();
    }

    /// <summary>Project references of <paramref name="project"/> as repository-relative paths.</summary>
    private static List<string> ProjectReferences(string project)
    {
        var path = Path.Combine(Repository.Root, project);
        var directory = Path.GetDirectoryName(path)!;
        return XDocument.Load(path)
            .Descendants()
            .Where(element => element.Name.LocalName == "ProjectReference")
            .Select(element => element.Attribute("Include")?.Value)
            .OfType<string>()
            .Select(include => Repository.Relative(Path.GetFullPath(Path.Combine(directory, include.Replace('\\', '/')))))
            .ToList();
    }
}
