using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;
using TradeNova.Contracts.Market;

namespace TradeNova.Execution.Market;

/// <summary>
/// Publishes <see cref="MarketPricesUpdated"/> once per interval with every symbol's quote: coalesced, never one message
/// per tick. Prices are not state, so it goes straight to the bus (no outbox). All instances compute the same prices,
/// but only the holder of a PostgreSQL advisory lock publishes, so N instances do not mean N copies per second.
/// </summary>
public sealed partial class MarketPricePublisher(
    IBus bus,
    IConfiguration configuration,
    PriceSimulator simulator,
    IOptions<SimulationOptions> options,
    TimeProvider time,
    ILogger<MarketPricePublisher> logger) : BackgroundService
{
    /// <summary>Advisory lock key: "TNPRICES" in ASCII.</summary>
    private const long LeaderLockKey = 0x544E505249434553;

    private static readonly TimeSpan RetryLeadership = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(configuration.GetConnectionString("executiondb"));
                await connection.OpenAsync(stoppingToken);
                if (await TryLeadAsync(connection, stoppingToken))
                {
                    LogLeading();
                    await PublishWhileLeadingAsync(connection, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPublisherFailed(ex);
            }

            await Task.Delay(RetryLeadership, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task<bool> TryLeadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", LeaderLockKey);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task PublishWhileLeadingAsync(NpgsqlConnection connection, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PublishInterval, time);
        await using var alive = new NpgsqlCommand("SELECT 1", connection);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // Stamped at the tick, before the round trip below, so database latency does not skew the cadence.
            var now = time.GetUtcNow();
            // The lock lives as long as this session: if the connection is gone, so is the leadership.
            await alive.ExecuteScalarAsync(stoppingToken);
            var prices = new MarketPrice[SymbolUniverse.Count];
            for (var i = 0; i < prices.Length; i++)
            {
                var quote = simulator.QuoteAt(i, now);
                prices[i] = new MarketPrice(quote.Symbol, quote.Last, quote.Bid, quote.Ask, quote.PreviousClose, now);
            }

            try
            {
                await bus.Publish(new MarketPricesUpdated(prices, PriceSimulator.Source, now), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A broker outage loses a second of prices, which the next second replaces anyway.
                LogPublishFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance publishes the simulated market prices")]
    private partial void LogLeading();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Market price publisher lost its database session; retrying")]
    private partial void LogPublisherFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing market prices failed")]
    private partial void LogPublishFailed(Exception exception);
}
