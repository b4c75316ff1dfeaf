using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using TradeNova.Contracts.Risk;
using TradeNova.IntegrationTests.Infrastructure;
using TradeNova.IntegrationTests.Platform;

namespace TradeNova.IntegrationTests.Trading;

/// <summary>Calls and waits the trading tests share: Risk and Portfolio through the gateway, checks on the bus.</summary>
public static class TradingApi
{
    public static readonly TimeSpan Eventually = TimeSpan.FromSeconds(60);

    public static CheckOrderRisk Buy(Guid userId, string symbol, decimal quantity, decimal price, decimal? limit = null) =>
        new(userId, Guid.NewGuid(), symbol, "buy", limit is null ? "market" : "limit", quantity, price, limit, null, null, "paper", DateTimeOffset.UtcNow);

    public static CheckOrderRisk Sell(Guid userId, string symbol, decimal quantity, decimal price) =>
        new(userId, Guid.NewGuid(), symbol, "sell", "market", quantity, price, null, null, null, "paper", DateTimeOffset.UtcNow);

    public static async Task<HttpResponseMessage> SendAsync(this HttpClient gateway, HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await gateway.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> JsonAsync(this HttpClient gateway, HttpMethod method, string path, string token, object? body = null,
        HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await gateway.SendAsync(method, path, token, body);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(expected, $"{method} {path}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Waits until Risk's read model of the user shows <paramref name="condition"/> (GET /api/v1/risk/limits).</summary>
    public static Task<JsonElement> WaitForRiskAsync(this HttpClient gateway, PlatformUser user, Func<JsonElement, bool> condition, string what) =>
        Poll.UntilAsync(
            () => gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/limits", user.AccessToken),
            condition,
            Eventually,
            what);

    public static Task<JsonElement> WaitForPortfolioAsync(this HttpClient gateway, PlatformUser user, Func<JsonElement, bool> condition, string what) =>
        Poll.UntilAsync(
            () => gateway.JsonAsync(HttpMethod.Get, "/api/v1/portfolio", user.AccessToken),
            condition,
            Eventually,
            what);

    /// <summary>A user with an opened portfolio whose account Risk knows (equity 10,000).</summary>
    public static async Task<PlatformUser> NewTraderAsync(this HttpClient gateway)
    {
        var user = await gateway.NewUserAsync();
        await gateway.WaitForPortfolioAsync(user);
        await gateway.WaitForRiskAsync(user, limits => limits.GetProperty("usage").GetProperty("equity").GetDecimal() == 10_000m, "risk read model opened");
        return user;
    }

    /// <summary>Makes the user an admin (in Identity's own table, as an operator would) and logs in again for a token with the role.</summary>
    public static async Task<PlatformUser> PromoteToAdminAsync(this HttpClient gateway, PlatformFixture platform, PlatformUser user)
    {
        await using var connection = new NpgsqlConnection(platform.Infrastructure.Database.ConnectionStringFor("identity"));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var update = new NpgsqlCommand("UPDATE identity.users SET role = 'admin' WHERE id = @id", connection);
        update.Parameters.AddWithValue("id", user.UserId);
        (await update.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
        return user with { AccessToken = await gateway.LoginAsync(user.Email, user.Password) };
    }

    public static IReadOnlyList<string> Codes(this OrderRiskChecked checkResult) => checkResult.Violations.Select(v => v.Code).ToList();
}
