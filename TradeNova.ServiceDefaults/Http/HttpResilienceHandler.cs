using Polly;
using Polly.Registry;

namespace TradeNova.ServiceDefaults.Http;

/// <summary>
/// Runs each outgoing request through a resilience pipeline. Pipelines are kept per destination
/// (scheme + authority) so one failing host opens only its own circuit.
/// </summary>
public sealed class HttpResilienceHandler(ResiliencePipelineRegistry<string> registry, HttpResilienceOptions options)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.GetLeftPart(UriPartial.Authority) : "relative";
        var pipeline = registry.GetOrAddPipeline<HttpResponseMessage>(key, builder => HttpResiliencePipelines.Configure(builder, options));
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(HttpResiliencePipelines.RequestKey, request);
        try
        {
            return await pipeline.ExecuteAsync(
                static async (ctx, state) => await state.Handler.SendCoreAsync(state.Request, ctx.CancellationToken).ConfigureAwait(false),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
