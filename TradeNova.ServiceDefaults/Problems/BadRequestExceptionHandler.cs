using System.Text.Json;
using System.Text.RegularExpressions;
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
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
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

        // The framework's binding messages speak C# ("Failed to bind parameter \"Nullable<int> page\" from \"abc\"."), and the
        // one for a missing body suggests a service: said again in the request's terms where the shape is known.
        var message = badRequest.Message;
        if (FailedToBind().Match(message) is { Success: true } failed)
        {
            return $"The parameter '{failed.Groups["name"].Value}' does not take the value \"{failed.Groups["value"].Value}\".";
        }

        if (NotProvided().Match(message) is { Success: true } missing)
        {
            return $"The parameter '{missing.Groups["name"].Value}' is required.";
        }

        return message.Contains("no body was provided", StringComparison.Ordinal)
            ? "This operation takes a JSON body, and the request had none."
            : message;
    }

    [GeneratedRegex(@"^Failed to bind parameter ""[^""]* (?<name>[^"" ]+)"" from ""(?<value>.*)""\.$", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex(@"^Required parameter ""[^""]* (?<name>[^"" ]+)"" was not provided", RegexOptions.Singleline)]
    private static partial Regex NotProvided();

    /// <summary><c>$.legs[0].price</c> → <c>legs[0].price</c>; null for the body itself.</summary>
    private static string? FieldOf(string? path) =>
        path is null || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
