using Microsoft.Extensions.Configuration;
using TradeNova.AppHost.Infrastructure;

namespace TradeNova.AppHost;

/// <summary>
/// The AppHost's own settings (section <c>TradeNova</c>), from its configuration: appsettings, command line, and the
/// JSON file named by <c>TradeNova:ConfigFile</c>. That file, not the environment, carries the connection strings:
/// every process the orchestrator starts inherits the AppHost's environment, and a service must see only its own.
/// </summary>
internal sealed record PlatformSettings(
    InfrastructureMode Infrastructure,
    int GatewayPort,
    string ServiceEnvironment,
    string SpaRoot,
    string? RunDirectory)
{
    /// <summary>Services listen on the gateway's port + 1 … + 6 (docs/platform-contract.md), in this order.</summary>
    public static readonly IReadOnlyList<string> Services = ["identity", "billing", "portfolio", "execution", "risk", "backtest"];

    public static PlatformSettings Load(IDistributedApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (configuration["TradeNova:ConfigFile"] is { Length: > 0 } file)
        {
            configuration.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
        }

        var section = configuration.GetSection("TradeNova");
        var mode = section["Infrastructure"] is { Length: > 0 } value
            ? Enum.Parse<InfrastructureMode>(value, ignoreCase: true)
            : ContainerRuntime.IsUsable() ? InfrastructureMode.Containers : InfrastructureMode.Existing;

        return new PlatformSettings(
            mode,
            section.GetValue("GatewayPort", 5100),
            section["Environment"] is { Length: > 0 } environment ? environment : "Production",
            Path.GetFullPath(section["SpaRoot"] ?? Path.Combine(builder.AppHostDirectory, "..", "web", "dist")),
            section["RunDirectory"] is { Length: > 0 } run ? Path.GetFullPath(run) : null);
    }

    /// <summary>The fixed port an app's endpoint listens on (DCP's proxy; the process itself gets a free port).</summary>
    public int PortOf(string app)
    {
        if (app == "gateway")
        {
            return GatewayPort;
        }

        var index = Services.ToList().IndexOf(app);
        return index >= 0 ? GatewayPort + 1 + index : throw new ArgumentException($"'{app}' is not a platform app.", nameof(app));
    }
}
