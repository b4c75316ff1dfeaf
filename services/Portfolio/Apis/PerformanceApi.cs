using TradeNova.Portfolio.Valuation;
using TradeNova.ServiceDefaults.Auth;
using TradeNova.ServiceDefaults.Problems;
using TradeNova.Trading.Results;
using TradeNova.Trading.Statistics;

namespace TradeNova.Portfolio.Apis;

/// <summary>The equity and drawdown series and the performance figures over a chosen range of UTC dates (default: the
/// last 30 days). Past days come from the daily snapshots; today from the intraday line plus a live point.</summary>
public static class PerformanceApi
{
    private const int DefaultDays = 30;
    private const int MaxDays = 3660;

    public static RouteGroupBuilder MapPerformanceApi(this RouteGroupBuilder api)
    {
        api.MapGet("/equity", GetEquityAsync);
        api.MapGet("/performance", GetPerformanceAsync);
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<EquityPointResponse>>, ValidationProblem, ProblemHttpResult>> GetEquityAsync(
        DateOnly? from, DateOnly? to, string? account, ClaimsPrincipal principal, PortfolioContext db, LatestPrices prices, CancellationToken cancellationToken)
    {
        if (Range(from, to) is not (var start, var end))
        {
            return RangeProblem();
        }

        if (PortfolioAccounts.Parse(account) is not { } mode)
        {
            return AccountSelection.Invalid();
        }

        await using var readSnapshot = await AccountSelection.SnapshotAsync(db, cancellationToken);
        var portfolio = await AccountSelection.FindAsync(db, principal.GetUserId(), mode, cancellationToken);
        if (portfolio is null)
        {
            return AccountSelection.NotFound(mode);
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var points = (await db.Snapshots.AsNoTracking()
                .Where(s => s.PortfolioId == portfolio.Id && s.Date >= start && s.Date <= end && s.Date < today)
                .OrderBy(s => s.Date).ToListAsync(cancellationToken))
            .Select(s => new EquityPointResponse(EndOf(s.Date), s.CloseEquity, s.Drawdown, "daily"))
            .ToList();

        if (end >= today)
        {
            var startOfToday = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            points.AddRange((await db.IntradayPoints.AsNoTracking()
                    .Where(p => p.PortfolioId == portfolio.Id && p.At >= startOfToday)
                    .OrderBy(p => p.At).ToListAsync(cancellationToken))
                .Select(p => new EquityPointResponse(p.At, p.Equity, p.Drawdown, "intraday")));
            var live = await PortfolioApi.LiveMarkAsync(portfolio, db, prices, cancellationToken);
            points.Add(new EquityPointResponse(DateTimeOffset.UtcNow, live.Equity, live.Drawdown, "live"));
        }

        return TypedResults.Ok<IReadOnlyList<EquityPointResponse>>(points);
    }

    public static async Task<Results<Ok<PerformanceResponse>, ValidationProblem, ProblemHttpResult>> GetPerformanceAsync(
        DateOnly? from, DateOnly? to, string? account, ClaimsPrincipal principal, PortfolioContext db, LatestPrices prices, CancellationToken cancellationToken)
    {
        if (Range(from, to) is not (var start, var end))
        {
            return RangeProblem();
        }

        if (PortfolioAccounts.Parse(account) is not { } mode)
        {
            return AccountSelection.Invalid();
        }

        await using var readSnapshot = await AccountSelection.SnapshotAsync(db, cancellationToken);
        var portfolio = await AccountSelection.FindAsync(db, principal.GetUserId(), mode, cancellationToken);
        if (portfolio is null)
        {
            return AccountSelection.NotFound(mode);
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var snapshots = await db.Snapshots.AsNoTracking()
            .Where(s => s.PortfolioId == portfolio.Id && s.Date >= start && s.Date <= end)
            .OrderBy(s => s.Date).ToListAsync(cancellationToken);

        var equity = new List<EquityPoint>();
        if (snapshots.Count > 0)
        {
            // The curve starts at the first day's opening equity, then one point per daily close (today: live).
            equity.Add(new EquityPoint(new DateTimeOffset(snapshots[0].Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), snapshots[0].OpenEquity));
            foreach (var snapshot in snapshots)
            {
                var close = snapshot.Date == today
                    ? (await PortfolioApi.LiveMarkAsync(portfolio, db, prices, cancellationToken)).Equity
                    : snapshot.CloseEquity;
                equity.Add(new EquityPoint(EndOf(snapshot.Date), close));
            }
        }

        var rangeStart = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var rangeEnd = EndOf(end);
        var fills = await db.Fills.AsNoTracking()
            .Where(f => f.PortfolioId == portfolio.Id && f.FilledAt >= rangeStart && f.FilledAt <= rangeEnd)
            .OrderBy(f => f.FilledAt).ToListAsync(cancellationToken);
        var trades = fills
            .Where(f => f.ClosedQuantity > 0m)
            .Select(f => new ClosedTrade(
                f.Symbol,
                f.Side == "sell" ? f.ClosedQuantity : -f.ClosedQuantity,
                f.PositionOpenedAt ?? f.FilledAt,
                f.AverageCostBefore,
                f.FilledAt,
                f.Price,
                f.Fee,
                f.Side))
            .ToList();

        var report = PerformanceStatistics.Compute(new StatisticsInput(
            equity, trades, fills.Sum(f => f.Fee), snapshots.Count(s => s.HadPositions), snapshots.Count));
        return TypedResults.Ok(new PerformanceResponse(start, end, snapshots.Count, report));
    }

    private static (DateOnly Start, DateOnly End)? Range(DateOnly? from, DateOnly? to)
    {
        var end = to ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var start = from ?? end.AddDays(-DefaultDays);
        return start <= end && end.DayNumber - start.DayNumber <= MaxDays ? (start, end) : null;
    }

    private static ValidationProblem RangeProblem() =>
        ProblemResults.Validation(new Dictionary<string, string[]> { ["from"] = [$"'from' must not be after 'to', and the range at most {MaxDays} days."] });

    private static DateTimeOffset EndOf(DateOnly date) => new(date.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero);
}
