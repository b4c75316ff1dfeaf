using System.Diagnostics;

namespace TradeNova.AppHost.Infrastructure;

/// <summary>Whether a container engine answers, the way Aspire will call it (ASPIRE_CONTAINER_RUNTIME, else docker).</summary>
internal static class ContainerRuntime
{
    public static bool IsUsable()
    {
        var runtime = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME") is { Length: > 0 } name ? name : "docker";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            // `info` fails fast when the CLI exists but no engine runs; a hung engine counts as absent.
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no such executable
        }
    }
}
