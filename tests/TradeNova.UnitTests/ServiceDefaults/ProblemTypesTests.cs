using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.UnitTests.ServiceDefaults;

public class ProblemTypesTests
{
    [Theory]
    [InlineData(400, "https://tradenova.dev/problems/bad-request")]
    [InlineData(401, "https://tradenova.dev/problems/unauthorized")]
    [InlineData(404, "https://tradenova.dev/problems/not-found")]
    [InlineData(409, "https://tradenova.dev/problems/conflict")]
    [InlineData(500, "https://tradenova.dev/problems/internal-error")]
    [InlineData(418, "https://tradenova.dev/problems/http-418")]
    public void Status_codes_map_to_stable_type_uris(int status, string expected)
    {
        ProblemTypes.ForStatus(status).ShouldBe(expected);
    }

    [Fact]
    public void Validation_errors_list_every_failing_field()
    {
        var errors = new ValidationErrors()
            .Check(false, "email", "Enter a valid email address.")
            .Check(true, "displayName", "never shown")
            .Check(false, "password", "Use at least 10 characters.")
            .Check(false, "password", "Use a letter.");

        ValidationProblem problem = errors.ToProblem();

        problem.StatusCode.ShouldBe(StatusCodes.Status400BadRequest);
        problem.ProblemDetails.Type.ShouldBe(ProblemTypes.Validation);
        problem.ProblemDetails.Errors.Keys.ShouldBe(["email", "password"], ignoreOrder: true);
        problem.ProblemDetails.Errors["password"].Length.ShouldBe(2);
    }

    [Fact]
    public void No_errors_means_valid()
    {
        new ValidationErrors().Check(true, "email", "unused").HasErrors.ShouldBeFalse();
    }
}
