using System.Diagnostics;
using TradeNova.IntegrationTests.Infrastructure;
using TradeNova.IntegrationTests.Platform;

namespace TradeNova.IntegrationTests.Backtests;

[Collection(PlatformCollection.Name)]
public class BacktestBrowserTests(PlatformFixture platform)
{
    private const string Script = "web/e2e/backtest-lab.mjs";

    [Fact]
    public async Task User_runs_a_backtest_from_the_form_sees_progress_reach_100_and_the_equity_chart_then_an_optimisation_heatmap()
    {
        var root = TestSettings.RepositoryRoot;
        File.Exists(Path.Combine(root, "web", "dist", "index.html"))
            .ShouldBeTrue("web/dist is not built (npm run build in web/, or ./tradenova test)");

        var screenshot = Path.Combine(platform.OutputDirectory, "backtest-lab.png");
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine(root, Script) },
            WorkingDirectory = Path.Combine(root, "web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["BASE_URL"] = platform.GatewayAddress.ToString().TrimEnd('/'),
                ["CHROMIUM_PATH"] = TestSettings.Current.Chromium,
                ["SCREENSHOT_PATH"] = screenshot,
            },
        };

        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = node.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(9));
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw;
        }

        var transcript = $"{await output}\n{await errors}";
        await File.WriteAllTextAsync(Path.Combine(platform.OutputDirectory, "backtest-lab.log"), transcript, TestContext.Current.CancellationToken);

        node.ExitCode.ShouldBe(0, transcript);
        File.Exists(screenshot.Replace(".png", "-result.png", StringComparison.Ordinal)).ShouldBeTrue(transcript);
        File.Exists(screenshot.Replace(".png", "-optimisation.png", StringComparison.Ordinal)).ShouldBeTrue(transcript);
    }
}
