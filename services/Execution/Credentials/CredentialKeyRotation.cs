using Microsoft.Extensions.Options;

namespace TradeNova.Execution.Credentials;

/// <summary>
/// Re-encrypts stored broker credentials under the active key-encryption key, at start and then every
/// <see cref="CredentialEncryptionOptions.RotationInterval"/>. Safe on several instances: a row re-encrypted twice is
/// simply sealed twice under the same key.
/// </summary>
public sealed partial class CredentialKeyRotation(
    IServiceScopeFactory scopes,
    CredentialKeyRing keys,
    IOptionsMonitor<CredentialEncryptionOptions> options,
    TimeProvider time,
    ILogger<CredentialKeyRotation> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            if (keys.IsConfigured)
            {
                try
                {
                    await RotateAsync(stoppingToken);
                }
                catch (Exception error) when (!stoppingToken.IsCancellationRequested)
                {
                    LogRotationFailed(error.GetType().Name, error.Message);
                }
            }

            await Task.Delay(options.CurrentValue.RotationInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public async Task<int> RotateAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<BrokerCredentialStore>();
            var count = await store.ReEncryptAsync(BatchSize, cancellationToken);
            total += count;
            if (count < BatchSize)
            {
                break;
            }
        }

        if (total > 0)
        {
            LogRotated(total, keys.Active.Id);
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-encrypted {Count} broker connections under key-encryption key {KeyId}")]
    private partial void LogRotated(int count, string keyId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-encrypting broker credentials failed: {Error}: {Message}")]
    private partial void LogRotationFailed(string error, string message);
}
