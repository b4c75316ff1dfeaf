using System.Security.Cryptography;
using System.Text;

namespace TradeNova.Execution.Brokers.Alpaca;

/// <summary>
/// One user's Alpaca API key pair and whether it belongs to a paper or a live account. <see cref="ToString"/> never
/// prints the secret, so a stray log line or exception message cannot leak it.
/// </summary>
public sealed class AlpacaCredentials(string keyId, string secretKey, bool paper)
{
    public string KeyId { get; } = keyId;

    public string SecretKey { get; } = secretKey;

    public bool Paper { get; } = paper;

    public string Environment => Paper ? AlpacaEnvironments.Paper : AlpacaEnvironments.Live;

    /// <summary>
    /// Names this connection's rate limiter and circuit breaker. A hash, not the key id: resilience telemetry tags
    /// its pipelines with this value.
    /// </summary>
    public string ConnectionKey
    {
        get
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Environment}:{KeyId}"));
            return $"{Environment}-{Convert.ToHexStringLower(hash)[..16]}";
        }
    }

    /// <summary>The key id as the SPA shows it: its first two and last four characters.</summary>
    public string MaskedKeyId => Mask(KeyId);

    public static string Mask(string keyId) =>
        keyId.Length <= 8 ? new string('•', keyId.Length) : $"{keyId[..2]}••••{keyId[^4..]}";

    public override string ToString() => $"Alpaca {Environment} key {MaskedKeyId}";
}
