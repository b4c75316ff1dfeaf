using System.Globalization;
using System.Text;

namespace TradeNova.Execution.Brokers.Alpaca;

/// <summary>Builds an Alpaca URL: base, path, and the query parameters that have a value.</summary>
internal sealed class AlpacaQuery(Uri baseUrl, string path)
{
    private readonly List<(string Name, string Value)> _parameters = [];

    public AlpacaQuery Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _parameters.Add((name, value));
        }

        return this;
    }

    public AlpacaQuery Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public AlpacaQuery Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    public AlpacaQuery Add(string name, DateTimeOffset? value) =>
        Add(name, value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));

    public AlpacaQuery Add(string name, DateOnly? value) => Add(name, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public AlpacaQuery Add(string name, IEnumerable<string>? values) =>
        Add(name, values is null ? null : string.Join(',', values));

    public Uri ToUri()
    {
        var url = new StringBuilder(baseUrl.ToString().TrimEnd('/')).Append(path);
        for (var i = 0; i < _parameters.Count; i++)
        {
            url.Append(i == 0 ? '?' : '&')
                .Append(Uri.EscapeDataString(_parameters[i].Name)).Append('=').Append(Uri.EscapeDataString(_parameters[i].Value));
        }

        return new Uri(url.ToString());
    }
}
