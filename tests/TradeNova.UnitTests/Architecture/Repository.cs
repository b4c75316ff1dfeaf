using System.Diagnostics;

namespace TradeNova.UnitTests.Architecture;

/// <summary>The checkout the tests were built from, found by walking up to TradeNova.sln.</summary>
internal static class Repository
{
    public static readonly string[] Services = ["Identity", "Billing", "Portfolio", "Execution", "Risk", "Backtest"];

    public static string Root { get; } = FindRoot();

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    /// <summary>Files under <paramref name="folder"/> known to git, or null when this is not a git checkout.</summary>
    public static HashSet<string>? TrackedFiles(string folder)
    {
        if (!Directory.Exists(Path.Combine(Root, ".git")) && !File.Exists(Path.Combine(Root, ".git")))
        {
            return null;
        }

        var start = new ProcessStartInfo("git", ["-C", Root, "ls-files", "-z", "--", folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var git = Process.Start(start);
        if (git is null)
        {
            return null;
        }

        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return git.ExitCode == 0
            ? output.Split('\0', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)
            : null;
    }

    private static string FindRoot()
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
