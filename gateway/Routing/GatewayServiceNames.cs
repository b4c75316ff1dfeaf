namespace TradeNova.Gateway.Routing;

/// <summary>The services behind the gateway; each is found at <c>services:&lt;name&gt;:http:0</c>.</summary>
public static class GatewayServiceNames
{
    public const string Identity = "identity";
    public const string Billing = "billing";
    public const string Portfolio = "portfolio";
    public const string Execution = "execution";
    public const string Risk = "risk";
    public const string Backtest = "backtest";

    public static IReadOnlyList<string> All { get; } = [Identity, Billing, Portfolio, Execution, Risk, Backtest];

    public static string ConfigurationKey(string service) => $"services:{service}:http:0";

    /// <summary>The address YARP is given; service discovery turns it into the configured endpoint(s).</summary>
    public static string DiscoveryAddress(string service) => $"http://{service}";
}
