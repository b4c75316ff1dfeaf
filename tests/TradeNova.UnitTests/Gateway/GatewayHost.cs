using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using TradeNova.Gateway.Extensions;

namespace TradeNova.UnitTests.Gateway;

/// <summary>The real gateway pipeline (the same AddGatewayServices/UseGateway as Program.cs) on Kestrel, on a free loopback port.</summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayHost(WebApplication app, string spaRoot)
    {
        _app = app;
        SpaRoot = spaRoot;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public HttpClient Client { get; }

    public Uri BaseAddress => Client.BaseAddress!;

    public string SpaRoot { get; }

    public static async Task<GatewayHost> StartAsync(IDictionary<string, string?> settings, ILoggerProvider? logs = null)
    {
        var spaRoot = Directory.CreateTempSubdirectory("tradenova-spa-").FullName;
        Directory.CreateDirectory(Path.Combine(spaRoot, "assets"));
        await File.WriteAllTextAsync(Path.Combine(spaRoot, "index.html"), "<!doctype html><title>TradeNova</title><div id=root></div>");
        await File.WriteAllTextAsync(Path.Combine(spaRoot, "assets", "index-3f9a1c.js"), "console.log('tradenova')");

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        if (logs is not null)
            builder.Logging.AddProvider(logs);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["TradeNova:Gateway:SpaRoot"] = spaRoot });
        builder.AddGatewayServices();
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        var app = builder.Build();
        app.UseGateway();
        await app.StartAsync();
        return new GatewayHost(app, spaRoot);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(SpaRoot, recursive: true);
    }
}
