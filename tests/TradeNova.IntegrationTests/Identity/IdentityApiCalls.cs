using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace TradeNova.IntegrationTests.Identity;

/// <summary>The Identity routes of the platform contract, called directly on the service.</summary>
public static class IdentityApiCalls
{
    public const string ProblemJson = "application/problem+json";

    public static string NewEmail(string purpose) => $"{purpose}-{Guid.NewGuid():N}@example.test";

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient identity, string? email, string? password, string? displayName) =>
        identity.PostAsJsonAsync("/api/v1/identity/register", new { email, password, displayName }, Ct);

    public static Task<HttpResponseMessage> PostRawJsonAsync(this HttpClient identity, string path, string json) =>
        identity.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient identity, string? email, string? password) =>
        identity.PostAsJsonAsync("/api/v1/identity/login", new { email, password }, Ct);

    public static Task<HttpResponseMessage> RefreshAsync(this HttpClient identity, string refreshToken) =>
        identity.PostAsJsonAsync("/api/v1/identity/refresh", new { refreshToken }, Ct);

    public static async Task<HttpResponseMessage> GetMeAsync(this HttpClient identity, string? accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/identity/me");
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return await identity.SendAsync(request, Ct);
    }

    /// <summary>A request as the gateway forwards it: a bearer token and the client's address (X-Forwarded-For) when given.</summary>
    public static Task<HttpResponseMessage> SendAsync(this HttpClient identity, HttpMethod method, string path, string? accessToken,
        object? body = null, string? from = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        if (from is not null)
        {
            request.Headers.Add("X-Forwarded-For", from);
        }

        return identity.SendAsync(request, Ct);
    }

    public static async Task<RegisteredAccount> NewAccountAsync(this HttpClient identity, string purpose = "identity")
    {
        var email = NewEmail(purpose);
        var password = $"Id3ntity-{Guid.NewGuid():N}"[..24];
        const string displayName = "Identity Test";
        using var response = await identity.RegisterAsync(email, password, displayName);
        var body = await ReadAsync(response, HttpStatusCode.Created, "register");
        return new RegisteredAccount(body.GetProperty("userId").GetGuid(), email, password, displayName);
    }

    public static async Task<TokenPair> LoginAsync(this HttpClient identity, RegisteredAccount account)
    {
        using var response = await identity.LoginAsync(account.Email, account.Password);
        return await ReadTokensAsync(response, "login");
    }

    public static async Task<TokenPair> ReadTokensAsync(HttpResponseMessage response, string action) =>
        (await ReadAsync(response, HttpStatusCode.OK, action)).Deserialize<TokenPair>(JsonSerializerOptions.Web)!;

    /// <summary>The JSON body of a response that must have <paramref name="expected"/> status; otherwise fails with the body.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected, string action)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(expected, $"{action}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A ProblemDetails response with <paramref name="expected"/> status: content type checked, body returned.</summary>
    public static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string action)
    {
        var problem = await ReadAsync(response, expected, action);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(ProblemJson, $"{action}: content type");
        problem.GetProperty("status").GetInt32().ShouldBe((int)expected);
        return problem;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
