namespace TradeNova.AppHost.Infrastructure;

/// <summary>
/// What a service needs from the infrastructure, whichever way it runs: its own database connection (role
/// <c>tn_&lt;service&gt;</c>, schema <c>&lt;service&gt;</c>), the broker, and the resources to wait for first.
/// </summary>
internal sealed class PlatformInfrastructure(
    IReadOnlyDictionary<string, IResourceBuilder<IResourceWithConnectionString>> databases,
    IResourceBuilder<IResourceWithConnectionString> messaging,
    IReadOnlyList<IResourceBuilder<IResource>> waitFor)
{
    public IResourceBuilder<IResourceWithConnectionString> Messaging { get; } = messaging;

    public IReadOnlyList<IResourceBuilder<IResource>> WaitFor { get; } = waitFor;

    public IResourceBuilder<IResourceWithConnectionString> DatabaseOf(string service) => databases[service];

    /// <summary>Connection names as the services read them: <c>ConnectionStrings__&lt;service&gt;db</c>.</summary>
    public static string DatabaseName(string service) => $"{service}db";

    public const string MessagingName = "messaging";
}
