using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Gateway.Spa;

public static partial class SpaExtensions
{
    /// <summary>Serves the built SPA's files (before authentication and rate limiting: they are public and cheap).</summary>
    public static WebApplication UseSpaStaticFiles(this WebApplication app)
    {
        var root = app.Services.GetRequiredService<IOptions<SpaOptions>>().Value.ResolveRoot(app.Environment.ContentRootPath);
        if (!Directory.Exists(root))
        {
            LogSpaMissing(app.Logger, root);
            return app;
        }

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            OnPrepareResponse = context =>
                context.Context.Response.Headers.CacheControl = SpaPaths.CacheControlFor(context.Context.Request.Path),
        });
        return app;
    }

    /// <summary>
    /// Unknown <c>/api</c> and <c>/hubs</c> paths answer 404 ProblemDetails; any other GET of a path without a file extension
    /// gets index.html so client-side routes survive a reload.
    /// </summary>
    public static WebApplication MapSpaFallback(this WebApplication app)
    {
        // Fallbacks have the lowest order, so every proxied route is tried first.
        app.MapFallback("/api/{**rest}", NotFoundProblem).AllowAnonymous();
        app.MapFallback("/hubs/{**rest}", NotFoundProblem).AllowAnonymous();
        app.MapFallback(ServeIndex).AllowAnonymous();
        return app;
    }

    private static ProblemHttpResult NotFoundProblem(HttpContext context) =>
        TypedResults.Problem(
            title: "Not found",
            detail: $"No API route matches '{context.Request.Path}'.",
            statusCode: StatusCodes.Status404NotFound,
            type: ProblemTypes.NotFound);

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> ServeIndex(HttpContext context, IOptions<SpaOptions> options, IWebHostEnvironment environment)
    {
        var index = Path.Combine(options.Value.ResolveRoot(environment.ContentRootPath), SpaPaths.IndexFile);
        if (SpaPaths.IsBackendPath(context.Request.Path) || !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) || !File.Exists(index))
            return NotFoundProblem(context);

        context.Response.Headers.CacheControl = SpaPaths.NoCache;
        return TypedResults.PhysicalFile(index, "text/html; charset=utf-8");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SPA folder {SpaRoot} does not exist; only the API is served (build web/ and set TradeNova:Gateway:SpaRoot)")]
    private static partial void LogSpaMissing(ILogger logger, string spaRoot);
}
