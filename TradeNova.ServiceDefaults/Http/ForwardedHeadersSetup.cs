using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using IPNetwork = System.Net.IPNetwork;

namespace TradeNova.ServiceDefaults.Http;

/// <summary>
/// Services sit behind the gateway, so the caller's address (audit log, per-IP decisions) arrives in
/// <c>X-Forwarded-For</c>. Only proxies we trust may set it: loopback (ASP.NET Core's default known proxies: the local
/// runner and tests), plus the networks in <c>TradeNova:ForwardedHeaders:KnownNetworks</c> (comma-separated CIDRs, e.g.
/// the cluster's pod network). A header from anyone else is ignored, so a client cannot forge its address by sending the
/// header itself. An edge (the gateway) sets <c>TradeNova:ForwardedHeaders:TrustLoopback</c> to false: there a local
/// caller is a client.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string KnownNetworksKey = "TradeNova:ForwardedHeaders:KnownNetworks";
    public const string TrustLoopbackKey = "TradeNova:ForwardedHeaders:TrustLoopback";

    public static IServiceCollection AddTrustedForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var extra = (configuration[KnownNetworksKey] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(IPNetwork.Parse)
            .ToArray();
        var trustLoopback = configuration.GetValue(TrustLoopbackKey, defaultValue: true);

        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (!trustLoopback)
            {
                options.KnownIPNetworks.Clear();
                options.KnownProxies.Clear();
            }

            foreach (var network in extra)
                options.KnownIPNetworks.Add(network);

            // With no known proxies at all, the middleware would believe every sender: trust nobody instead.
            if (options.KnownIPNetworks.Count == 0 && options.KnownProxies.Count == 0)
                options.ForwardedHeaders = ForwardedHeaders.None;
        });
    }
}
