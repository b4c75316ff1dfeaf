using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace TradeNova.AppHost.Runner;

/// <summary>
/// Follows the orchestrator's resource states and console logs and writes them where the runner looks. The state table
/// is rewritten whole on every change (write, then rename), so a reader never sees half of it. Each app's log starts
/// afresh with each run of the AppHost.
/// </summary>
internal sealed partial class RunDirectoryWriter(
    string directory,
    ResourceNotificationService notifications,
    ResourceLoggerService logs)
{
    private readonly ConcurrentDictionary<string, ResourceRow> _rows = new();
    private readonly ConcurrentDictionary<string, Task> _followed = new();
    private readonly Lock _writeLock = new();

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                // Hidden resources (Aspire's per-project "rebuilder") are not shown by the dashboard either.
                if (update.Snapshot.IsHidden)
                {
                    continue;
                }

                _rows[update.Resource.Name] = ResourceRow.From(update);
                WriteStates();
                if (update.Resource is ProjectResource or ContainerResource or ExecutableResource)
                {
                    _ = _followed.GetOrAdd(update.Resource.Name, name => FollowLogAsync(name, update.ResourceId, stoppingToken));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task FollowLogAsync(string name, string resourceId, CancellationToken stoppingToken)
    {
        try
        {
            await using var file = new StreamWriter(Path.Combine(directory, $"{name}.log"), append: false, Encoding.UTF8);
            await foreach (var batch in logs.WatchAsync(resourceId).WithCancellation(stoppingToken))
            {
                foreach (var line in batch)
                {
                    // The dashboard renders the apps' console colours; a file wants plain text.
                    await file.WriteLineAsync(AnsiEscape().Replace(line.Content, ""));
                }

                await file.FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void WriteStates()
    {
        lock (_writeLock)
        {
            var path = Path.Combine(directory, "resources.tsv");
            var lines = _rows.Values.OrderBy(row => row.Name, StringComparer.Ordinal).Select(row => row.ToTsv());
            File.WriteAllLines(path + ".tmp", ["name\ttype\tstate\thealth\turl\tpid", .. lines]);
            File.Move(path + ".tmp", path, overwrite: true);
        }
    }

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscape();
}
