using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Platform;

/// <summary>The calls a client makes through the gateway, as the platform contract names them.</summary>
public static class GatewayApi
{
    public static readonly TimeSpan EventualConsistency = TimeSpan.FromSeconds(60);

    public static async Task<Guid> RegisterAsync(this HttpClient gateway, string email, string password)
    {
        using var response = await gateway.PostAsJsonAsync(
            "/api/v1/identity/register", new { email, password, displayName = "Platform Test" });
        await EnsureStatusAsync(response, HttpStatusCode.Created, "register");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("userId").GetGuid();
    }

    public static async Task<string> LoginAsync(this HttpClient gateway, string email, string password)
    {
        using var response = await gateway.PostAsJsonAsync("/api/v1/identity/login", new { email, password });
        await EnsureStatusAsync(response, HttpStatusCode.OK, "login");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    public static async Task<PlatformUser> NewUserAsync(this HttpClient gateway)
    {
        var email = $"platform-{Guid.NewGuid():N}@example.test";
        var password = $"Pl4tform-{Guid.NewGuid():N}"[..24];
        var userId = await gateway.RegisterAsync(email, password);
        var token = await gateway.LoginAsync(email, password);
        return new PlatformUser(userId, email, password, token);
    }

    public static async Task<HttpResponseMessage> GetAsync(this HttpClient gateway, string path, string? accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return await gateway.SendAsync(request);
    }

    /// <summary>Polls until the Portfolio service has opened the user's portfolio (it reacts to UserRegistered).</summary>
    public static async Task<PortfolioView> WaitForPortfolioAsync(this HttpClient gateway, PlatformUser user, TimeSpan? timeout = null) =>
        (await Poll.UntilAsync<PortfolioView?>(
            async () =>
            {
                using var response = await gateway.GetAsync("/api/v1/portfolio", user.AccessToken);
                return response.StatusCode == HttpStatusCode.OK
                    ? await response.Content.ReadFromJsonAsync<PortfolioView>()
                    : null;
            },
            portfolio => portfolio is not null,
            timeout ?? EventualConsistency,
            $"portfolio of {user.Email}"))!;

    private static async Task EnsureStatusAsync(HttpResponseMessage response, HttpStatusCode expected, string action)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"{action}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        }
    }
}
