using Microsoft.Extensions.Options;
using TradeNova.Contracts.Portfolio;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.Portfolio.Valuation;

/// <summary>
/// The coalescing mark-to-market: every <see cref="PortfolioOptions.ValuationInterval"/>, if prices moved (or the UTC
/// date changed), revalues every portfolio holding positions or with a fill Risk and Execution have not been sent a
/// valuation of (and rolls over every portfolio at a new session) in
/// batches, each one transaction and one <see cref="PortfoliosValued"/> event. With several Portfolio instances a
/// PostgreSQL advisory lock lets one of them do it per interval.
/// </summary>
public sealed partial class ValuationWorker(
    IServiceScopeFactory scopes, LatestPrices prices, IOptions<PortfolioOptions> options, TimeProvider time, ILogger<ValuationWorker> logger)
    : BackgroundService
{
    private const long AdvisoryLockKey = 0x7072_7466_6F6C_696F; // "prtfolio"

    /// <summary>Portfolios per transaction and per <see cref="PortfoliosValued"/> message.</summary>
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastRevision = -1L;
        var lastDate = DateOnly.MinValue;
        using var timer = new PeriodicTimer(options.Value.ValuationInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = time.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var revision = prices.Revision;
            if (revision == lastRevision && today == lastDate)
            {
                continue;
            }

            try
            {
                await RevalueAsync(now, today, stoppingToken);
                lastRevision = revision;
                lastDate = today;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogRevaluationFailed(error);
            }
        }
    }

    private async Task RevalueAsync(DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        var after = Guid.Empty;
        while (await RevalueBatchAsync(now, today, after, cancellationToken) is { } last)
        {
            after = last;
        }
    }

    /// <summary>
    /// One batch in its own short transaction, so a fill for one of these portfolios waits for a batch, never for the
    /// whole pass; a portfolio a fill holds right now is skipped (the fill revalues it, and the next pass marks it).
    /// Returns the last id when a full batch was done (there may be more), otherwise null.
    /// </summary>
    private async Task<Guid?> RevalueBatchAsync(DateTimeOffset now, DateOnly today, Guid after, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortfolioContext>();
        var revaluation = scope.ServiceProvider.GetRequiredService<PortfolioRevaluation>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Another instance in the middle of a batch: it is this interval's leader (two interleaved passes would only
        // repeat work; the row locks and the stamps keep them correct).
        var leader = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({AdvisoryLockKey}) AS \"Value\"").SingleAsync(cancellationToken);
        if (!leader)
        {
            return null;
        }

        var portfolios = await db.Portfolios
            .FromSql($"""
                SELECT * FROM portfolio.portfolios p
                WHERE p.id > {after}
                  AND (p.session_date < {today} OR EXISTS (SELECT 1 FROM portfolio.positions x WHERE x.portfolio_id = p.id)
                       OR p.last_fill_at > COALESCE(p.broadcast_fills_through, '-infinity'))
                ORDER BY p.id
                LIMIT {BatchSize}
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
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return portfolios.Count == BatchSize ? portfolios[^1].Id : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portfolio revaluation failed; retrying at the next interval")]
    private partial void LogRevaluationFailed(Exception exception);
}
