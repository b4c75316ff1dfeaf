using System.Diagnostics;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Platform;

[Collection(PlatformCollection.Name)]
public class BillingBrowserTests(PlatformFixture platform)
{
    private const string Script = "web/e2e/billing-subscription.mjs";

    [Fact]
    public async Task Subscription_page_goes_from_trial_to_active_to_canceled_in_the_browser()
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
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
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
        await File.WriteAllTextAsync(Path.Combine(platform.OutputDirectory, "billing-subscription.log"), transcript, TestContext.Current.CancellationToken);

        node.ExitCode.ShouldBe(0, transcript);
        foreach (var screenshot in new[] { "billing-1-trial.png", "billing-2-active.png", "billing-3-canceled.png" })
        {
            File.Exists(Path.Combine(platform.OutputDirectory, screenshot)).ShouldBeTrue($"no {screenshot}\n{transcript}");
        }
    }
}
