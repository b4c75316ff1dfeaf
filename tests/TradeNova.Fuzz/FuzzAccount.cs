using System.Net.Http.Json;
using System.Text.Json;

namespace TradeNova.Fuzz;

/// <summary>Registers a throwaway user and signs in, so authenticated routes are fuzzed past the token check.</summary>
public static class FuzzAccount
{
    public static async Task<string?> TokenAsync(Uri identityOrGateway, HttpClient http, CancellationToken cancellationToken)
    {
        var email = $"fuzz-{Guid.NewGuid():N}@example.com";
        var password = $"Fz-{Guid.NewGuid():N}"[..20];
        try
        {
            using var registered = await http.PostAsJsonAsync(new Uri(identityOrGateway, "/api/v1/identity/register"), new { email, password, displayName = "Fuzz" }, cancellationToken);
            using var login = await http.PostAsJsonAsync(new Uri(identityOrGateway, "/api/v1/identity/login"), new { email, password }, cancellationToken);
            if (!login.IsSuccessStatusCode)
                return null;
            var body = await login.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return body.GetProperty("accessToken").GetString();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
