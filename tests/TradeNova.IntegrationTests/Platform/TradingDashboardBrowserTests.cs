using System.Diagnostics;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Platform;

/// <summary>Drives <c>web/e2e/trading-dashboard.mjs</c> (headless Chromium) through the SPA the gateway serves.</summary>
[Collection(PlatformCollection.Name)]
public class TradingDashboardBrowserTests(PlatformFixture platform)
{
    private const string Script = "web/e2e/trading-dashboard.mjs";

    private static readonly string[] Screenshots =
    [
        "trading-1-dashboard-new.png",
        "trading-2-ticket-preview.png",
        "trading-3-dashboard-position.png",
        "trading-4-history.png",
        "trading-5-risk-settings.png",
        "trading-6-orders.png",
    ];

    [Fact]
    public async Task New_user_buys_from_the_ticket_and_sees_position_cash_and_moving_pnl_on_the_dashboard_without_reload()
    {
        var root = TestSettings.RepositoryRoot;
        File.Exists(Path.Combine(root, "web", "dist", "index.html"))
            .ShouldBeTrue("web/dist is not built (npm run build in web/, or ./tradenova test)");
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
                ["SCREENSHOT_DIR"] = platform.OutputDirectory,
            },
        };

        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = node.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
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
        await File.WriteAllTextAsync(Path.Combine(platform.OutputDirectory, "trading-dashboard.log"), transcript, TestContext.Current.CancellationToken);

        node.ExitCode.ShouldBe(0, transcript);
        foreach (var screenshot in Screenshots)
        {
            File.Exists(Path.Combine(platform.OutputDirectory, screenshot)).ShouldBeTrue($"no {screenshot}\n{transcript}");
        }
    }
}
