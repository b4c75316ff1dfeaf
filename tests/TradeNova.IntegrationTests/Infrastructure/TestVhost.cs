using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace TradeNova.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh RabbitMQ virtual host for one test run, created and deleted through the management HTTP API,
/// with full permissions for the admin user whose credentials the AMQP URI carries.
/// </summary>
public sealed class TestVhost : IAsyncDisposable
{
    private TestVhost(string name, string amqpUri)
    {
        Name = name;
        AmqpUri = amqpUri;
    }

    public string Name { get; }

    /// <summary><c>amqp://user:pass@127.0.0.1:port/&lt;vhost&gt;</c>, the value of <c>ConnectionStrings__messaging</c>.</summary>
    public string AmqpUri { get; }

    public static async Task<TestVhost> CreateAsync(CancellationToken cancellationToken = default)
    {
        var name = $"tn_test_{Guid.NewGuid().ToString("N")[..12]}";
        using var client = CreateManagementClient(out var user);

        var escaped = Uri.EscapeDataString(name);
        using (var created = await client.PutAsJsonAsync($"api/vhosts/{escaped}", new { }, cancellationToken))
        {
            await EnsureAsync(created, $"create vhost {name}");
        }

        var permissions = new { configure = ".*", write = ".*", read = ".*" };
        using (var granted = await client.PutAsJsonAsync($"api/permissions/{escaped}/{Uri.EscapeDataString(user)}", permissions, cancellationToken))
        {
            await EnsureAsync(granted, $"grant {user} on vhost {name}");
        }

        return new TestVhost(name, $"{TestSettings.Current.Amqp}/{escaped}");
    }

    public async ValueTask DisposeAsync()
    {
        using var client = CreateManagementClient(out _);
        using var deleted = await client.DeleteAsync($"api/vhosts/{Uri.EscapeDataString(Name)}");
        if (deleted.StatusCode != HttpStatusCode.NotFound)
        {
            await EnsureAsync(deleted, $"delete vhost {Name}");
        }
    }

    /// <summary>An HTTP client for the management API; credentials come from the URI's user info.</summary>
    public static HttpClient CreateManagementClient(out string user)
    {
        var uri = new Uri(TestSettings.Current.RabbitManagement);
        var userInfo = uri.UserInfo.Split(':', 2);
        user = Uri.UnescapeDataString(userInfo[0]);
        var password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "";

        var client = new HttpClient { BaseAddress = new Uri($"{uri.Scheme}://{uri.Host}:{uri.Port}/"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string action)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"RabbitMQ management: {action} failed with {(int)response.StatusCode}: {body}");
        }
    }
}
