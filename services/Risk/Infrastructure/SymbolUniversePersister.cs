using Microsoft.Extensions.Options;
using TradeNova.Risk.Checks;

namespace TradeNova.Risk.Infrastructure;

/// <summary>Writes the in-memory symbol universe to the database every few seconds (one batched upsert, only when
/// prices moved), never once per tick; on start it seeds the cache from the last persisted universe.</summary>
public sealed partial class SymbolUniversePersister(
    IServiceScopeFactory scopes, MarketPriceCache prices, IOptions<RiskOptions> options, ILogger<SymbolUniversePersister> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await SeedAsync(stoppingToken);
        var persisted = prices.Revision;
        using var timer = new PeriodicTimer(options.Value.SymbolPersistInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (prices.Revision == persisted)
            {
                continue;
            }

            try
            {
                persisted = prices.Revision;
                await PersistAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogPersistFailed(error);
            }
        }
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RiskContext>();
            foreach (var symbol in await db.Symbols.AsNoTracking().ToListAsync(cancellationToken))
            {
                if (!prices.TryGet(symbol.Symbol, out _))
                {
                    prices.Set(symbol.Symbol, symbol.LastPrice, symbol.UpdatedAt);
                }
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogPersistFailed(error);
        }
    }

    private async Task PersistAsync(CancellationToken cancellationToken)
    {
        var snapshot = prices.Snapshot();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskContext>();
        var symbols = snapshot.Select(s => s.Symbol).ToArray();
        var lasts = snapshot.Select(s => s.Last).ToArray();
        var times = snapshot.Select(s => s.At).ToArray();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO risk.symbols (symbol, last_price, updated_at)
            SELECT * FROM unnest({symbols}, {lasts}, {times})
            ON CONFLICT (symbol) DO UPDATE SET last_price = EXCLUDED.last_price, updated_at = EXCLUDED.updated_at
            """,
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Persisting the symbol universe failed; retrying at the next interval")]
    private partial void LogPersistFailed(Exception exception);
}
