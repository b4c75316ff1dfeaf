namespace TradeNova.ServiceDefaults.Messaging;

/// <summary>The parts of an AMQP URI (<c>amqp://user:pass@host:port/vhost</c>) MassTransit's host needs.</summary>
public sealed record RabbitMqConnection(string Host, ushort Port, string VirtualHost, string Username, string Password, bool UseTls)
{
    public static RabbitMqConnection Parse(string uri)
    {
        var parsed = new Uri(uri, UriKind.Absolute);
        var useTls = parsed.Scheme switch
        {
            "amqp" => false,
            "amqps" => true,
            _ => throw new FormatException($"'{parsed.Scheme}' is not an AMQP scheme; expected amqp:// or amqps://."),
        };
        var port = parsed.IsDefaultPort || parsed.Port <= 0 ? (useTls ? 5671 : 5672) : parsed.Port;
        var path = Uri.UnescapeDataString(parsed.AbsolutePath.TrimStart('/'));
        var userInfo = parsed.UserInfo.Split(':', 2);
        var username = userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : "guest";
        var password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "guest";
        return new RabbitMqConnection(parsed.Host, (ushort)port, path.Length == 0 ? "/" : path, username, password, useTls);
    }

    public override string ToString() => $"amqp://{Username}:***@{Host}:{Port}/{VirtualHost}";
}
