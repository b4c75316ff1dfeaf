using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TradeNova.Fuzz;

/// <summary>Routes a service publishes in <c>/openapi/v1.json</c> that the table does not list yet (parameters become <c>{id}</c>).</summary>
public static partial class OpenApiDiscovery
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public static async Task<List<FuzzEndpoint>> DiscoverAsync(IEnumerable<FuzzTarget> services, IReadOnlyList<FuzzEndpoint> known, HttpClient http, CancellationToken cancellationToken)
    {
        var found = new List<FuzzEndpoint>();
        var seen = known.Select(e => Key(e.Method, e.Path)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var service in services.Where(t => t.Service is not null))
        {
            JsonElement document;
            try
            {
                document = await http.GetFromJsonAsync<JsonElement>(new Uri(service.BaseAddress, "/openapi/v1.json"), cancellationToken);
            }
            catch (Exception error) when (error is HttpRequestException or JsonException or TaskCanceledException)
            {
                continue; // no document (yet): the table alone is used for this service
            }

            if (!document.TryGetProperty("paths", out var paths))
                continue;
            foreach (var path in paths.EnumerateObject())
            {
                var route = Parameter().Replace(path.Name, "{id}");
                foreach (var method in Methods.Where(m => path.Value.TryGetProperty(m, out _)))
                {
                    var endpoint = new FuzzEndpoint(service.Service!, method.ToUpperInvariant(), route, Anonymous: false,
                        SampleBody: method is "post" or "put" or "patch" ? "{}" : null);
                    if (seen.Add(Key(endpoint.Method, endpoint.Path)))
                        found.Add(endpoint);
                }
            }
        }

        return found;
    }

    private static string Key(string method, string path) => $"{method} {path.Split('?')[0].TrimEnd('/')}";

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
