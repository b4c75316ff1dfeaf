using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace TradeNova.ServiceDefaults.Http;

public static class HttpResilienceExtensions
{
    /// <summary>Adds <see cref="HttpResilienceHandler"/> to every HttpClient made by IHttpClientFactory.</summary>
    public static IServiceCollection AddHttpClientResilience(this IServiceCollection services)
    {
        services.AddOptions<HttpResilienceOptions>().BindConfiguration("TradeNova:HttpResilience");
        services.TryAddSingleton(_ => new ResiliencePipelineRegistry<string>());
        services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(sp => new HttpResilienceHandler(
            sp.GetRequiredService<ResiliencePipelineRegistry<string>>(),
            sp.GetRequiredService<IOptions<HttpResilienceOptions>>().Value)));
        return services;
    }
}
