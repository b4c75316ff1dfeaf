using TradeNova.Fuzz;

// Usage: dotnet run --project tests/TradeNova.Fuzz -c Release -- [--base-port 5100] [--gateway URL] [--service name=URL]...
//        [--no-gateway] [--no-direct] [--count N] [--seed N] [--concurrency N] [--max-seconds N]
// Exit code 0: no 5xx and every target healthy afterwards; 1: a finding; 2: bad arguments.
try
{
    var settings = FuzzCommandLine.Parse(args, Environment.GetEnvironmentVariable("TRADENOVA_GATEWAY_PORT"));
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
    var report = await FuzzDriver.RunAsync(settings, Console.Out, cancel.Token);
    Console.WriteLine(report);
    return report.Passed ? 0 : 1;
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}
