namespace TradeNova.ServiceDefaults.Problems;

/// <summary>Stable ProblemDetails <c>type</c> URIs: <c>https://tradenova.dev/problems/&lt;slug&gt;</c>.</summary>
public static class ProblemTypes
{
    public const string BaseUri = "https://tradenova.dev/problems/";

    public const string Validation = BaseUri + "validation";
    public const string BadRequest = BaseUri + "bad-request";
    public const string Unauthorized = BaseUri + "unauthorized";
    public const string InvalidToken = BaseUri + "invalid-token";
    public const string Forbidden = BaseUri + "forbidden";
    public const string NotFound = BaseUri + "not-found";
    public const string Conflict = BaseUri + "conflict";
    public const string TooManyRequests = BaseUri + "too-many-requests";
    public const string InternalError = BaseUri + "internal-error";
    public const string ServiceUnavailable = BaseUri + "service-unavailable";
    public const string SubscriptionRequired = BaseUri + "subscription-required";

    public static string For(string slug) => BaseUri + slug;

    public static string ForStatus(int? status) => status switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => For("method-not-allowed"),
        409 => Conflict,
        415 => For("unsupported-media-type"),
        422 => For("unprocessable"),
        429 => TooManyRequests,
        500 or null => InternalError,
        503 => ServiceUnavailable,
        _ => For($"http-{status}"),
    };
}
