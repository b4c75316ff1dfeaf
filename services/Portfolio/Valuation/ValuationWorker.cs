using Microsoft.Extensions.Options;
using Npgsql;
using TradeNova.Contracts.Portfolio;
using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.Portfolio.Valuation;

/// <summary>
/// The coalescing mark-to-market: every <see cref="PortfolioOptions.ValuationInterval"/>, if prices moved (or the UTC
/// date changed), revalues every portfolio holding positions or with a fill Risk and Execution have not been sent a
/// valuation of (and rolls over every portfolio at a new session). The pass is spread over the interval in
/// <see cref="PortfolioOptions.ValuationSlices"/> evenly spaced batches, each one short transaction and one
/// <see cref="PortfoliosValued"/> event, so it never arrives as one burst that every order behind it waits out. With
/// several Portfolio instances a PostgreSQL advisory lock lets one of them do each pass.
/// </summary>
public sealed partial class ValuationWorker(
    IServiceScopeFactory scopes, IConfiguration configuration, LatestPrices prices, IOptions<PortfolioOptions> options, TimeProvider time,
    ILogger<ValuationWorker> logger)
    : BackgroundService
{
    private const long AdvisoryLockKey = 0x7072_7466_6F6C_696F; // "prtfolio"

    /// <summary>A batch is never larger: a great many holders make the pass longer than its interval (the timer then
    /// starts the next one as soon as it ends) rather than its transactions long.</summary>
    private const int MaxBatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastRevision = -1L;
        var lastDate = DateOnly.MinValue;
        using var timer = new PeriodicTimer(options.Value.ValuationInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var revision = prices.Revision;
            if (revision == lastRevision && today == lastDate)
            {
                continue;
            }

            try
            {
                await RevalueAsync(stoppingToken);
                lastRevision = revision;
                lastDate = today;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogRevaluationFailed(error);
            }
        }
    }

    private async Task RevalueAsync(CancellationToken cancellationToken)
    {
        // The pass's leadership is a session lock on a connection of its own (a context's pooled connection keeps no
        // session state), held through the pauses between batches: another instance skips this interval.
        await using var session = new NpgsqlConnection(configuration.GetConnectionString(ServiceDatabase.ConnectionName(PortfolioContext.Schema)));
        await session.OpenAsync(cancellationToken);
        if (!await AdvisoryLockAsync(session, "pg_try_advisory_lock", cancellationToken))
        {
            return;
        }

        try
        {
            var slices = options.Value.ValuationSlices;
            var spacing = options.Value.ValuationInterval / slices;
            var holders = await CountHoldersAsync(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), cancellationToken);
            var batchSize = Math.Clamp((holders + slices - 1) / slices, 1, MaxBatchSize);
            var after = Guid.Empty;
            while (true)
            {
                var started = time.GetTimestamp();
                if (await RevalueBatchAsync(after, batchSize, cancellationToken) is not { } last)
                {
                    break;
                }

                after = last;
                var rest = spacing - time.GetElapsedTime(started);
                if (rest > TimeSpan.Zero)
                {
                    await Task.Delay(rest, time, cancellationToken);
                }
            }
        }
        finally
        {
            await AdvisoryLockAsync(session, "pg_advisory_unlock", CancellationToken.None);
        }
    }

    private static async Task<bool> AdvisoryLockAsync(NpgsqlConnection session, string function, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {function}(@key)", session);
        command.Parameters.AddWithValue("key", AdvisoryLockKey);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<int> CountHoldersAsync(DateOnly today, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortfolioContext>();
        return await db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM portfolio.portfolios p
            WHERE p.session_date < {today} OR EXISTS (SELECT 1 FROM portfolio.positions x WHERE x.portfolio_id = p.id)
                  OR p.last_fill_at > COALESCE(p.broadcast_fills_through, '-infinity')
            """).SingleAsync(cancellationToken);
    }

    /// <summary>
    /// One batch in its own short transaction, so a fill for one of these portfolios waits for a batch, never for the
    /// whole pass; a portfolio a fill holds right now is skipped (the fill revalues it, and the next pass marks it).
    /// Returns the last id when a full batch was done (there may be more), otherwise null.
    /// </summary>
    private async Task<Guid?> RevalueBatchAsync(Guid after, int batchSize, CancellationToken cancellationToken)
    {
        // Each batch is valued as of its own moment: a pass takes most of its interval.
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortfolioContext>();
        var revaluation = scope.ServiceProvider.GetRequiredService<PortfolioRevaluation>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Database.AutoSavepointsEnabled = false; // a failed save abandons the batch (retried next interval): no savepoint
        var portfolios = await db.Portfolios
            .FromSql($"""
                SELECT * FROM portfolio.portfolios p
                WHERE p.id > {after}
                  AND (p.session_date < {today} OR EXISTS (SELECT 1 FROM portfolio.positions x WHERE x.portfolio_id = p.id)
                       OR p.last_fill_at > COALESCE(p.broadcast_fills_through, '-infinity'))
                ORDER BY p.id
                LIMIT {batchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        if (portfolios.Count == 0)
        {
            return null;
        }

        var ids = portfolios.Select(p => p.Id).ToList();
        var positions = (await db.Positions.Where(p => ids.Contains(p.PortfolioId)).ToListAsync(cancellationToken))
            .ToLookup(p => p.PortfolioId);
        // Today's snapshots in one query (the revaluation finds them tracked instead of asking once per portfolio), and
        // no change scan at each of those lookups: with every holder's rows tracked that scan made a pass quadratic.
        await db.Snapshots.Where(s => ids.Contains(s.PortfolioId) && s.Date == today).LoadAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var valuations = new List<PortfolioValued>();
        foreach (var portfolio in portfolios)
        {
            await revaluation.ApplyAsync(portfolio, positions[portfolio.Id].ToList(), now, appliedFill: null, cancellationToken, valuations);
        }

        if (valuations.Count > 0)
        {
            outbox.Add(new PortfoliosValued(valuations));
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAndCommitAsync(cancellationToken);
        return portfolios.Count == batchSize ? portfolios[^1].Id : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portfolio revaluation failed; retrying at the next interval")]
    private partial void LogRevaluationFailed(Exception exception);
}
