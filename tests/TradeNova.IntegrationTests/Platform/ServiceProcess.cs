using System.Diagnostics;

namespace TradeNova.IntegrationTests.Platform;

/// <summary>
/// One built service (or the gateway) running as a child process on a fixed loopback port, its stdout and
/// stderr appended to a log file so a failing test can be diagnosed afterwards.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly HttpClient HealthClient = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private Process? _process;

    public ServiceProcess(string name, string dll, int port, IReadOnlyDictionary<string, string> environment, string logPath)
    {
        Name = name;
        _dll = dll;
        Port = port;
        _environment = environment;
        LogPath = logPath;
        _log = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public string LogPath { get; }

    public bool IsRunning => _process is { HasExited: false };

    public void Start()
    {
        if (IsRunning)
        {
            return;
        }

        if (!File.Exists(_dll))
        {
            throw new FileNotFoundException($"{Name} is not built ({_dll}). Build first: dotnet build TradeNova.sln -c Release", _dll);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { _dll, "--urls", BaseAddress.ToString().TrimEnd('/') },
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var inherited in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS" })
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => Write(line.Data);
        process.ErrorDataReceived += (_, line) => Write(line.Data);
        Write($"---- {DateTimeOffset.UtcNow:O} starting {Name} on {BaseAddress}");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>Waits until <c>/health</c> answers 200; fails early, with the log's tail, if the process exits.</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        string last = "no answer";
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (!IsRunning)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process?.ExitCode} before it was healthy.\n{Tail()}");
            }

            try
            {
                // 200 also answers "Degraded": MassTransit reports that while its receive endpoints are still starting,
                // and a message published then would miss this instance's queues. Ready means every check is Healthy.
                using var response = await HealthClient.GetAsync(new Uri(BaseAddress, "/health"));
                var body = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode && body == "Healthy")
                {
                    return;
                }

                last = $"{(int)response.StatusCode}: {body}";
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                last = error.Message;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Name} was not healthy within {timeout.TotalSeconds:0} s (last: {last}).\n{Tail()}");
    }

    /// <summary>Kills the process abruptly, like a crash: no graceful shutdown, no flushing.</summary>
    public async Task KillAsync()
    {
        var process = _process;
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(timeout.Token);
        Write($"---- {DateTimeOffset.UtcNow:O} killed {Name}");
        process.Dispose();
        _process = null;
    }

    public string Tail(int lines = 40)
    {
        lock (_logLock)
        {
            _log.Flush();
        }

        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var all = reader.ReadToEnd().Split('\n');
        return $"--- last lines of {LogPath} ---\n" + string.Join('\n', all.TakeLast(lines));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            lock (_logLock)
            {
                _log.Dispose();
            }
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // Output that arrives after disposal (a dying process) has nowhere to go.
            }
        }
    }
}
