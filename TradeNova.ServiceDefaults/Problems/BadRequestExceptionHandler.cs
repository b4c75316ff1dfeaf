using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace TradeNova.ServiceDefaults.Problems;

/// <summary>
/// A request the endpoint could not bind (a body that is not JSON or not the expected shape, a field of the wrong type,
/// an unparsable query parameter, no body at all) is answered as a 400 ProblemDetails whose <c>detail</c> says where,
/// in every environment, and is not logged as a server error. Minimal APIs throw such requests as
/// <see cref="BadHttpRequestException"/> (<c>ThrowOnBadRequest</c>, set with this handler); without it production
/// answered a bare "Bad Request".
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = badRequest.StatusCode, Detail = Describe(badRequest) },
        });
    }

    /// <summary>What the caller got wrong, in terms of the request: the JSON field, or the parameter and its value.</summary>
    internal static string Describe(BadHttpRequestException badRequest)
    {
        if (badRequest.InnerException is JsonException json)
        {
            var field = FieldOf(json.Path);
            if (json.Message == TextInput.NotStorableMessage)
            {
                return field is null ? $"A text value: {json.Message}" : $"The field '{field}': {json.Message}";
            }

            return field is null
                ? "The request body is not the JSON object this operation takes."
                : $"The field '{field}' of the request body does not hold a valid value of its type.";
        }

        // Binding messages name the parameter ("Failed to bind parameter \"int page\" from \"abc\"."); the one for a missing
        // body suggests a service, which is the framework talking to its developer.
        return badRequest.Message.Contains("no body was provided", StringComparison.Ordinal)
            ? "This operation takes a JSON body, and the request had none."
            : badRequest.Message;
    }

    /// <summary><c>$.legs[0].price</c> → <c>legs[0].price</c>; null for the body itself.</summary>
    private static string? FieldOf(string? path) =>
        path is null || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
