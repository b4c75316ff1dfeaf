using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace TradeNova.ServiceDefaults.Problems;

/// <summary>
/// Refuses, before anything else runs, request input that ASP.NET Core would otherwise turn into a 500 or pass on to the
/// database: a <c>Content-Type</c> charset that .NET cannot decode (JSON binding throws on it) is a 415; a NUL or
/// unpaired surrogate in the path or query string, or a header value outside visible ASCII (which the gateway's
/// HttpClient cannot forward: a 502), is a 400; a plain CONNECT (nothing here tunnels; YARP cannot forward it) is a 405.
/// All are ProblemDetails.
/// </summary>
public static class RequestInputGuard
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var problem = Inspect(context.Request);
        if (problem is null)
        {
            await next();
            return;
        }

        context.Response.StatusCode = problem.Status!.Value;
        var problems = context.RequestServices.GetService<IProblemDetailsService>();
        if (problems is null || !await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
            await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }

    /// <summary>The problem with the request's framing, or null when it may proceed.</summary>
    public static ProblemDetails? Inspect(HttpRequest request)
    {
        if (HttpMethods.IsConnect(request.Method)
            && request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpExtendedConnectFeature>()?.IsExtendedConnect != true)
        {
            return new ProblemDetails
            {
                Status = StatusCodes.Status405MethodNotAllowed,
                Type = ProblemTypes.For("method-not-allowed"),
                Title = "Method not allowed",
                Detail = "CONNECT is not supported.",
            };
        }

        if (!HeadersAreVisibleAscii(request.Headers))
        {
            return new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Type = ProblemTypes.BadRequest,
                Title = "Bad request",
                Detail = "A header value contains characters outside visible ASCII.",
            };
        }

        if (!IsDecodableCharset(request.ContentType))
        {
            return new ProblemDetails
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Type = ProblemTypes.For("unsupported-charset"),
                Title = "Unsupported charset",
                Detail = "The Content-Type charset is not a known encoding; send JSON as UTF-8.",
            };
        }

        if (!TextInput.IsStorable(request.Path.Value) || !QueryIsStorable(request))
        {
            return new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Type = ProblemTypes.BadRequest,
                Title = "Bad request",
                Detail = "The path or query string contains a NUL character or an unpaired surrogate.",
            };
        }

        return null;
    }

    /// <summary>
    /// Mirrors how ASP.NET Core's JSON reader picks the encoding (the charset parameter through Encoding.GetEncoding), so
    /// exactly what it would throw on is refused. No Content-Type, an unparsable one or no charset is left to the endpoint.
    /// </summary>
    public static bool IsDecodableCharset(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
            return true;
        var charset = mediaType.Charset;
        if (!charset.HasValue || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            return true;
        try
        {
            _ = Encoding.GetEncoding(charset.Value!);
            return true;
        }
        catch (Exception error) when (error is ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>Header values may hold tab and 0x20–0x7E only (RFC 9110 field-vchar without obsolete text).</summary>
    public static bool HeadersAreVisibleAscii(IHeaderDictionary headers)
    {
        foreach (var (_, values) in headers)
        {
            foreach (var value in values)
            {
                if (value is null)
                    continue;
                foreach (var c in value)
                {
                    if (c is (< ' ' and not '\t') or > '~')
                        return false;
                }
            }
        }

        return true;
    }

    private static bool QueryIsStorable(HttpRequest request)
    {
        if (!request.QueryString.HasValue)
            return true;
        foreach (var (key, values) in request.Query)
        {
            if (!TextInput.IsStorable(key))
                return false;
            foreach (var value in values)
            {
                if (!TextInput.IsStorable(value))
                    return false;
            }
        }

        return true;
    }
}
