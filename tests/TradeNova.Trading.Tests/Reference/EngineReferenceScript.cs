using System.Diagnostics;
using System.Text.Json;

namespace TradeNova.Trading.Tests.Reference;

/// <summary>Runs the independent python reference in tests/reference/engine and parses its JSON. A failing script fails
/// the test with its error output, so a broken reference can never pass silently.</summary>
internal static class EngineReferenceScript
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Sp500Csv => Path.Combine(RepositoryRoot, "services", "Trading", "Resources", "sp500-2000.csv");

    public static JsonDocument Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("python3")
        {
            WorkingDirectory = Path.Combine(RepositoryRoot, "tests", "reference", "engine"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start python3.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within 2 minutes.");
        }

        return process.ExitCode == 0
            ? JsonDocument.Parse(stdout)
            : throw new InvalidOperationException($"{script} exited with {process.ExitCode}: {stderr.Result}");
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

        throw new DirectoryNotFoundException("TradeNova.sln not found above " + AppContext.BaseDirectory);
    }
}
