using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
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
    /// <summary>RFC 9110 field-vchar without obsolete text, plus space and tab.</summary>
    private static readonly SearchValues<char> VisibleAscii =
        SearchValues.Create("\t" + string.Concat(Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c)));

    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        if (Inspect(context.Request) is { } problem)
            await TypedResults.Problem(problem).ExecuteAsync(context);
        else
            await next();
    }

    /// <summary>The problem with the request's framing, or null when it may proceed.</summary>
    public static ProblemDetails? Inspect(HttpRequest request)
    {
        if (HttpMethods.IsConnect(request.Method)
            && request.HttpContext.Features.Get<IHttpExtendedConnectFeature>()?.IsExtendedConnect != true)
        {
            return Problem(StatusCodes.Status405MethodNotAllowed, "method-not-allowed", "Method not allowed", "CONNECT is not supported.");
        }

        if (!HeadersAreVisibleAscii(request.Headers))
        {
            return Problem(StatusCodes.Status400BadRequest, "bad-request", "Bad request",
                "A header value contains characters outside visible ASCII.");
        }

        if (!IsDecodableCharset(request.ContentType))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-charset", "Unsupported charset",
                "The Content-Type charset is not a known encoding; send JSON as UTF-8.");
        }

        var query = request.QueryString.HasValue ? request.Query : QueryCollection.Empty;
        if (!TextInput.IsStorable(request.Path.Value)
            || !query.All(pair => TextInput.IsStorable(pair.Key) && pair.Value.All(TextInput.IsStorable)))
        {
            return Problem(StatusCodes.Status400BadRequest, "bad-request", "Bad request",
                "The path or query string contains a NUL character or an unpaired surrogate.");
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

    /// <summary>Header values may hold tab and 0x20–0x7E only.</summary>
    public static bool HeadersAreVisibleAscii(IHeaderDictionary headers) =>
        headers.Values.SelectMany(values => values).All(value => !value.AsSpan().ContainsAnyExcept(VisibleAscii));

    private static ProblemDetails Problem(int status, string slug, string title, string detail) =>
        new() { Status = status, Type = ProblemTypes.For(slug), Title = title, Detail = detail };
}
