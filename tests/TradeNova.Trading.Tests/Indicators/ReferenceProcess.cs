using System.Diagnostics;

namespace TradeNova.Trading.Tests.IndicatorTests;

/// <summary>Runs an independent reference script (node or python) and returns its standard output; a non-zero exit
/// fails the test with the script's error output, so a broken reference can never pass silently.</summary>
internal static class ReferenceProcess
{
    public static string Run(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within 2 minutes.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{fileName} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {stderr.Result}");
        return stdout;
    }
}
