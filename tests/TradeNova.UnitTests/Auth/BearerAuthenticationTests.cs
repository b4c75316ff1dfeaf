using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using TradeNova.ServiceDefaults.Auth;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.UnitTests.Auth;

/// <summary>The Bearer scheme (JwtBearer as AddTradeNovaAuthentication configures it) as an endpoint sees it.</summary>
public sealed class BearerAuthenticationTests : IAsyncLifetime
{
    private readonly TestSigningKey _key = new("handler-key");
    private BearerTestApp _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await BearerTestApp.StartAsync(_key.PublicKey);
        _client = _app.Client;
    }

    [Fact]
    public async Task Valid_bearer_token_reaches_a_protected_endpoint_with_the_user_id_from_sub()
    {
        var userId = Guid.NewGuid();

        var response = await Send("/me", _key.CreateToken(userId));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<Guid>(TestContext.Current.CancellationToken)).ShouldBe(userId);
    }

    [Fact]
    public async Task Missing_token_on_a_protected_endpoint_is_401_problem_with_a_bearer_challenge()
    {
        var response = await Send("/me", token: null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<ProblemDetails>(TestContext.Current.CancellationToken))?.Type.ShouldBe(ProblemTypes.Unauthorized);
    }

    [Fact]
    public async Task Invalid_token_is_401_problem_with_error_invalid_token()
    {
        var response = await Send("/me", "garbage.token.value");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer error=\"invalid_token\"");
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(TestContext.Current.CancellationToken);
        problem?.Type.ShouldBe(ProblemTypes.InvalidToken);
        problem?.Status.ShouldBe(401);
    }

    [Fact]
    public async Task Anonymous_endpoint_stays_open_with_or_without_a_token()
    {
        (await Send("/open", token: null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Send("/open", "garbage")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Subscriber_is_forbidden_from_the_admin_policy_with_a_problem()
    {
        var response = await Send("/admin", _key.CreateToken(role: TradeNovaRoles.Subscriber));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadFromJsonAsync<ProblemDetails>(TestContext.Current.CancellationToken))?.Type.ShouldBe(ProblemTypes.Forbidden);
        (await Send("/admin", _key.CreateToken(role: TradeNovaRoles.Admin))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Hub_paths_accept_the_token_in_the_access_token_query()
    {
        var userId = Guid.NewGuid();

        var response = await _client.GetAsync($"/hubs/account/negotiate?access_token={_key.CreateToken(userId)}", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<Guid>(TestContext.Current.CancellationToken)).ShouldBe(userId);
    }

    [Fact]
    public async Task Api_paths_ignore_a_token_in_the_query()
    {
        var response = await _client.GetAsync($"/api/echo?access_token={_key.CreateToken()}", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Hub_path_ignores_a_query_token_when_an_authorization_header_is_sent()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/hubs/account/negotiate?access_token={_key.CreateToken()}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");

        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_validated_token_is_remembered_and_a_changed_copy_of_it_is_still_rejected()
    {
        var userId = Guid.NewGuid();
        var token = _key.CreateToken(userId);
        var validated = _app.Services.GetRequiredService<ValidatedTokenCache>();
        validated.TryGet(token, DateTimeOffset.UtcNow, out _).ShouldBeFalse();

        (await Send("/me", token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        validated.TryGet(token, DateTimeOffset.UtcNow, out var remembered).ShouldBeTrue();
        remembered.GetUserId().ShouldBe(userId);

        var parts = token.Split('.');
        var signature = parts[2].ToCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        (await Send("/me", $"{parts[0]}.{parts[1]}.{new string(signature)}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Send("/me", token + "x")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Send("/admin", token)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var again = await Send("/me", token);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<Guid>(TestContext.Current.CancellationToken)).ShouldBe(userId);
        (await _client.GetAsync($"/hubs/account/negotiate?access_token={token}", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task<HttpResponseMessage> Send(string path, string? token) => _app.SendAsync(path, token);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Dispose();
    }
}
