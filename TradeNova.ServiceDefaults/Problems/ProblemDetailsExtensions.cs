using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TradeNova.ServiceDefaults.Problems;

public static class ProblemDetailsExtensions
{
    /// <summary>
    /// RFC 7807 responses for exceptions, bare status codes and <c>TypedResults.Problem</c>, all with a stable
    /// TradeNova <c>type</c> and the trace id so a user report can be matched to a trace.
    /// </summary>
    public static IServiceCollection AddServiceProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (string.IsNullOrEmpty(problem.Type) || !problem.Type.StartsWith(ProblemTypes.BaseUri, StringComparison.Ordinal))
            {
                problem.Type = problem is HttpValidationProblemDetails
                    ? ProblemTypes.Validation
                    : ProblemTypes.ForStatus(problem.Status ?? context.HttpContext.Response.StatusCode);
            }

            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        });

        // Bad input is the caller's fault on every service: an undecodable charset, NUL or lone surrogates in the path or
        // query (RequestInputGuard, first in the pipeline) and in any JSON string of a request body (400 at binding).
        services.AddSingleton<IStartupFilter, RequestInputGuardStartupFilter>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new StorableStringJsonConverter()));
        // A request that does not bind says where, in production too (not logged as an error: the caller's mistake).
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        return services;
    }
}
