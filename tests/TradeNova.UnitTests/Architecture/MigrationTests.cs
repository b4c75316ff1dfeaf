namespace TradeNova.UnitTests.Architecture;

public class MigrationTests
{
    public static TheoryData<string> Services() => new(Repository.Services);

    [Theory]
    [MemberData(nameof(Services))]
    public void Service_has_committed_EF_migrations_and_a_model_snapshot(string service)
    {
        var folder = Path.Combine(Repository.Root, "services", service);
        var sources = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                           && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();

        var migrations = sources.Where(path => File.ReadAllText(path).Contains("[Migration(\"", StringComparison.Ordinal)).ToList();
        var snapshots = sources.Where(path => path.EndsWith("ModelSnapshot.cs", StringComparison.Ordinal)).ToList();

        migrations.ShouldNotBeEmpty($"services/{service} has no EF Core migration ([Migration(\"...\")])");
        snapshots.ShouldNotBeEmpty($"services/{service} has no model snapshot");

        var tracked = Repository.TrackedFiles($"services/{service}");
        if (tracked is not null)
        {
            migrations.Concat(snapshots)
                .Select(Repository.Relative)
                .Where(path => !tracked.Contains(path))
                .ShouldBeEmpty($"services/{service}: migrations must be committed, not only generated locally");
        }
    }
}
