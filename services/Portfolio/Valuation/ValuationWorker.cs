using Microsoft.Extensions.Options;

namespace TradeNova.Portfolio.Valuation;

/// <summary>
/// The coalescing mark-to-market: every <see cref="PortfolioOptions.ValuationInterval"/>, if prices moved (or the UTC
/// date changed), revalues every portfolio holding positions (and rolls over every portfolio at a new session) in one
/// transaction. With several Portfolio instances a PostgreSQL advisory lock lets one of them do it per interval.
/// </summary>
public sealed partial class ValuationWorker(
    IServiceScopeFactory scopes, LatestPrices prices, IOptions<PortfolioOptions> options, TimeProvider time, ILogger<ValuationWorker> logger)
    : BackgroundService
{
    private const long AdvisoryLockKey = 0x7072_7466_6F6C_696F; // "prtfolio"

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
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortfolioContext>();
        var revaluation = scope.ServiceProvider.GetRequiredService<PortfolioRevaluation>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var leader = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({AdvisoryLockKey}) AS \"Value\"").SingleAsync(cancellationToken);
        if (!leader)
        {
            return;
        }

        var portfolios = await db.Portfolios
            .FromSql($"""
                SELECT * FROM portfolio.portfolios p
                WHERE p.session_date < {today}
                   OR EXISTS (SELECT 1 FROM portfolio.positions x WHERE x.portfolio_id = p.id)
                ORDER BY p.id
                FOR UPDATE
                """)
            .ToListAsync(cancellationToken);
        if (portfolios.Count == 0)
        {
            return;
        }

        var ids = portfolios.Select(p => p.Id).ToList();
        var positions = (await db.Positions.Where(p => ids.Contains(p.PortfolioId)).ToListAsync(cancellationToken))
            .ToLookup(p => p.PortfolioId);
        // Today's snapshots in one query (the revaluation finds them tracked instead of asking once per portfolio), and
        // no change scan at each of those lookups: with every holder's rows tracked that scan made a pass quadratic.
        await db.Snapshots.Where(s => ids.Contains(s.PortfolioId) && s.Date == today).LoadAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var portfolio in portfolios)
        {
            await revaluation.ApplyAsync(portfolio, positions[portfolio.Id].ToList(), now, appliedFill: null, cancellationToken);
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portfolio revaluation failed; retrying at the next interval")]
    private partial void LogRevaluationFailed(Exception exception);
}
