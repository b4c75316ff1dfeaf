using System.Diagnostics;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Platform;

[Collection(PlatformCollection.Name)]
public class BrowserTests(PlatformFixture platform)
{
    private const string Script = "web/e2e/register-and-see-portfolio.mjs";

    [Fact]
    public async Task New_user_registers_in_the_browser_sees_the_10000_dollar_portfolio_and_changes_the_password()
    {
        var root = TestSettings.RepositoryRoot;
        File.Exists(Path.Combine(root, "web", "dist", "index.html"))
            .ShouldBeTrue("web/dist is not built (npm run build in web/, or ./tradenova test)");
        File.Exists(Path.Combine(root, Script)).ShouldBeTrue($"{Script} is missing");

        var screenshot = Path.Combine(platform.OutputDirectory, "register-and-see-portfolio.png");
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
        await File.WriteAllTextAsync(Path.Combine(platform.OutputDirectory, "register-and-see-portfolio.log"), transcript, TestContext.Current.CancellationToken);

        node.ExitCode.ShouldBe(0, transcript);
        File.Exists(screenshot).ShouldBeTrue($"no screenshot at {screenshot}\n{transcript}");
    }
}
