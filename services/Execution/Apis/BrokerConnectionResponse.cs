using TradeNova.Execution.Credentials;

namespace TradeNova.Execution.Apis;

/// <summary>What the SPA shows of a broker connection: the masked key id, never the key or the secret.</summary>
public sealed record BrokerConnectionResponse(
    string Broker,
    string Environment,
    string KeyId,
    string AccountNumber,
    string? AccountStatus,
    string Status,
    DateTimeOffset ConnectedAt)
{
    public const string Connected = "connected";

    public static BrokerConnectionResponse From(BrokerConnection connection) =>
        new(connection.Broker, connection.Environment, connection.MaskedKeyId, connection.AccountNumber, connection.AccountStatus, Connected, connection.ConnectedAt);
}
