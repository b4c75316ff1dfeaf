using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace TradeNova.ServiceDefaults.Problems;

/// <summary>Typed ProblemDetails results with TradeNova <c>type</c> URIs.</summary>
public static class ProblemResults
{
    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail, title: "One or more fields are invalid.", type: ProblemTypes.Validation);

    public static ProblemHttpResult Conflict(string slug, string title, string? detail = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title, type: ProblemTypes.For(slug));

    public static ProblemHttpResult Unauthorized(string slug, string title, string? detail = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: title, type: ProblemTypes.For(slug));

    public static ProblemHttpResult NotFound(string title, string? detail = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: title, type: ProblemTypes.NotFound);
}
