using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace TradeNova.ServiceDefaults.Problems;

/// <summary>Puts <see cref="RequestInputGuard"/> in front of every service's pipeline (registered by AddServiceProblemDetails).</summary>
internal sealed class RequestInputGuardStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) => RequestInputGuard.InvokeAsync(context, () => nextMiddleware(context)));
        next(app);
    };
}
