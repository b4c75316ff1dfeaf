using TradeNova.ServiceDefaults.Data;

namespace TradeNova.UnitTests.ServiceDefaults;

public class SnakeCaseNamesTests
{
    [Theory]
    [InlineData("Users", "users")]
    [InlineData("NormalizedEmail", "normalized_email")]
    [InlineData("PK_RefreshTokens", "pk_refresh_tokens")]
    [InlineData("IX_Portfolios_UserId", "ix_portfolios_user_id")]
    [InlineData("HTTPStatus", "http_status")]
    [InlineData("Level2Quote", "level2_quote")]
    [InlineData("already_snake", "already_snake")]
    public void Converts_pascal_case_names(string name, string expected)
    {
        SnakeCaseNames.ToSnakeCase(name).ShouldBe(expected);
    }
}
