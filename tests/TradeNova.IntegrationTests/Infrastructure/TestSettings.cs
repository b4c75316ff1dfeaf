namespace TradeNova.IntegrationTests.Infrastructure;

/// <summary>
/// Where the real PostgreSQL, RabbitMQ and Chromium of this machine are. Environment variables win;
/// otherwise <c>.tradenova/test.env</c> (written by <c>./tradenova infra up</c>) found by walking up
/// from the test assembly, so tests also run from an IDE after the infrastructure is up.
/// </summary>
public sealed record TestSettings(
    string PostgresAdmin,
    string Amqp,
    string RabbitManagement,
    string Chromium,
    string OutputDirectory)
{
    private static readonly Lazy<TestSettings> LazyCurrent = new(Load);

    public static TestSettings Current => LazyCurrent.Value;

    /// <summary>The repository root: the first ancestor of the test assembly that holds TradeNova.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static TestSettings Load()
    {
        var file = ReadTestEnvFile();

        string Get(string key, string? fallback = null) =>
            NonEmpty(Environment.GetEnvironmentVariable(key))
            ?? NonEmpty(file.GetValueOrDefault(key))
            ?? fallback
            ?? throw new InvalidOperationException(
                $"{key} is not set. Run `./tradenova infra up` (it writes .tradenova/test.env) or export {key}.");

        var output = Get("TRADENOVA_TEST_OUTPUT", Path.Combine(RepositoryRoot, "test-output"));
        Directory.CreateDirectory(output);

        return new TestSettings(
            Get("TRADENOVA_TEST_PG_ADMIN"),
            Get("TRADENOVA_TEST_AMQP").TrimEnd('/'),
            Get("TRADENOVA_TEST_RABBIT_MGMT").TrimEnd('/'),
            Get("TRADENOVA_CHROMIUM", "/usr/bin/chromium"),
            output);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Dictionary<string, string> ReadTestEnvFile()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".tradenova", "test.env");
            if (!File.Exists(candidate))
            {
                continue;
            }

            foreach (var line in File.ReadAllLines(candidate))
            {
                var separator = line.IndexOf('=');
                if (separator > 0 && !line.StartsWith('#'))
                {
                    values[line[..separator].Trim()] = line[(separator + 1)..].Trim();
                }
            }

            break;
        }

        return values;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TradeNova.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No TradeNova.sln above {AppContext.BaseDirectory}.");
    }
}
