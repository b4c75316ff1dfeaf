using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TradeNova.ServiceDefaults.Telemetry;

/// <summary>
/// Keeps bearer tokens out of logs. SignalR clients send the token as <c>?access_token=</c> on <c>/hubs/*</c>, and ASP.NET
/// Core hosting logs every request URL with its query string at Information ("Request starting/finished", both in the
/// message and as the <c>QueryString</c> attribute an OTLP exporter ships). That category is held at Warning for every
/// logger provider, whatever configuration says: a rule for a named provider would otherwise outrank a rule without one.
/// </summary>
public static class RequestUrlLogging
{
    public const string Category = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static IHostApplicationBuilder SuppressRequestUrlLogging(this IHostApplicationBuilder builder)
    {
        // Post-configure runs after the configuration's rules are added (also on reload); the last of equally specific rules wins.
        builder.Services.PostConfigure<LoggerFilterOptions>(options =>
        {
            foreach (var provider in options.Rules.Select(rule => rule.ProviderName).Append(null).Distinct().ToList())
            {
                options.Rules.Add(new LoggerFilterRule(provider, Category, LogLevel.Warning, filter: null));
            }
        });
        return builder;
    }
}
