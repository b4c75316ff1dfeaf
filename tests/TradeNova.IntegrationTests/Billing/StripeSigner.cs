using System.Diagnostics;
using System.Text.Json;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Billing;

/// <summary>Stripe-Signature headers made by Stripe's own npm package (<c>tests/reference/stripe/sign-webhooks.mjs</c>).</summary>
public static class StripeSigner
{
    public static async Task<IReadOnlyList<string>> SignAsync(IReadOnlyList<string> payloads, string secret, long? timestamp = null)
    {
        var script = Path.Combine(TestSettings.RepositoryRoot, "tests", "reference", "stripe", "sign-webhooks.mjs");
        File.Exists(Path.Combine(TestSettings.RepositoryRoot, "tests", "reference", "node_modules", "stripe", "package.json"))
            .ShouldBeTrue("npm install in tests/reference (./tradenova test does it)");
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { script },
            WorkingDirectory = Path.GetDirectoryName(script)!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var node = Process.Start(start)!;
        await node.StandardInput.WriteAsync(JsonSerializer.Serialize(new { secret, timestamp, payloads }));
        node.StandardInput.Close();
        var output = await node.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = await node.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await node.WaitForExitAsync(TestContext.Current.CancellationToken);
        node.ExitCode.ShouldBe(0, errors);
        return JsonSerializer.Deserialize<string[]>(output)!;
    }

    public static async Task<string> SignAsync(string payload, string secret, long? timestamp = null) =>
        (await SignAsync([payload], secret, timestamp)).Single();
}
