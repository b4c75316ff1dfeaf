using TradeNova.Fuzz;

namespace TradeNova.IntegrationTests.Platform;

/// <summary>
/// A seeded slice of tests/TradeNova.Fuzz against the whole platform (gateway and each service directly): the full
/// driver is a program (README: "Fuzzing"); this keeps its promise in the suite.
/// </summary>
[Collection(PlatformCollection.Name)]
public class FuzzSliceTests(PlatformFixture platform)
{
    private const int SliceSize = 800;

    [Fact]
    public async Task Malformed_requests_to_every_endpoint_get_no_5xx_and_leave_every_service_healthy()
    {
        var targets = new List<FuzzTarget> { new("gateway", platform.GatewayAddress, null) };
        targets.AddRange(PlatformFixture.Services.Select(service => new FuzzTarget(service, platform[service].BaseAddress, service)));
        var settings = new FuzzSettings
        {
            Targets = targets,
            Count = SliceSize,
            Seed = 10,
            Concurrency = 2,
            MaxDuration = TimeSpan.FromMinutes(4),
        };

        var report = await FuzzDriver.RunAsync(settings, TextWriter.Null, TestContext.Current.CancellationToken);

        TestContext.Current.SendDiagnosticMessage(report.ToString());
        report.ServerErrors.ShouldBeEmpty(report.ToString());
        report.Healthy.Values.ShouldAllBe(healthy => healthy, report.ToString());
        report.Sent.ShouldBe(SliceSize, report.ToString());
    }
}
