using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TradeNova.AppHost.Runner;

internal static class RunDirectoryExtensions
{
    /// <summary>
    /// Mirrors what the dashboard shows into files for the command line (`./tradenova status`, `./tradenova logs`):
    /// each app's console output in <c>&lt;app&gt;.log</c> and every resource's state in <c>resources.tsv</c>.
    /// </summary>
    public static void AddRunDirectory(this IDistributedApplicationBuilder builder, string directory)
    {
        Directory.CreateDirectory(directory);

        // Before the orchestrator starts anything (hosted services start only once every resource has been started),
        // so that a resource that never comes up is visible in the files too.
        builder.Eventing.Subscribe<BeforeStartEvent>((started, cancellationToken) =>
        {
            var stopping = started.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            var writer = ActivatorUtilities.CreateInstance<RunDirectoryWriter>(started.Services, directory);
            _ = writer.RunAsync(stopping);
            return Task.CompletedTask;
        });
    }
}
