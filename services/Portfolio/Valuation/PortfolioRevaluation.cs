using Microsoft.Extensions.Options;
using TradeNova.Contracts.Portfolio;
using TradeNova.Portfolio.Notifications;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.Portfolio.Valuation;

/// <summary>
/// Persists a mark of one (locked, tracked) portfolio: rolls the UTC session over when the date changed (closing
/// yesterday's snapshot, start-of-day = the last equity), updates today's snapshot and the intraday line, and stages
/// <c>PortfolioValued</c> when anything changed (or hands it to the caller's batch); after a fill it stages
/// <see cref="PortfolioFillApplied"/> instead, for the owner's live view (<see cref="FillPushRoute"/>). The caller saves and commits.
/// </summary>
public sealed class PortfolioRevaluation(
    PortfolioContext db, IOutbox outbox, FillPushRoute fillPushes, LatestPrices prices, IOptions<PortfolioOptions> options)
{
    /// <param name="batch">When given, the valuation is added to it instead of staged on its own (the periodic pass
    /// publishes one <see cref="PortfoliosValued"/> per batch).</param>
    public async Task<PortfolioMark> ApplyAsync(
        UserPortfolio portfolio, IReadOnlyList<Position> positions, DateTimeOffset now, AppliedFill? appliedFill, CancellationToken cancellationToken,
        ICollection<PortfolioValued>? batch = null)
    {
        // Risk keeps the newest valuation of each portfolio, so their stamps must follow the order they commit in. This runs
        // under the portfolio's row lock, but the caller may have read the clock before waiting for that lock: a valuation
        // is always stamped after the one it follows (1 µs, PostgreSQL's resolution), or Risk would drop the newer state.
        if (portfolio.ValuedAt is { } previous && now <= previous)
        {
            now = previous.AddTicks(10);
        }

        var afterFill = appliedFill is not null;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var rolled = false;
        if (portfolio.SessionDate != today)
        {
            await RollOverAsync(portfolio, today, cancellationToken);
            rolled = true;
        }

        var mark = PortfolioMarker.Mark(portfolio, positions, prices.For(portfolio));
        foreach (var position in positions)
        {
            if (mark.Positions.FirstOrDefault(m => m.Symbol == position.Symbol) is { } marked)
            {
                position.LastPrice = marked.LastPrice;
            }
        }

        // ValuedAt is when the valuation last changed: an unchanged one (prices moved less than a cent of this
        // portfolio's value) writes no stamps and sends nothing, so the periodic pass costs little for quiet portfolios.
        // A fill's own valuation reaches the owner's screens only: Risk and Execution are sent the portfolio by the next
        // valuation that is not a fill's, even when nothing moved since.
        var unsent = !afterFill && portfolio.LastFillAt is { } lastFill && !(portfolio.BroadcastFillsThrough >= lastFill);
        var changed = afterFill || rolled || unsent || mark.Equity != portfolio.Equity || portfolio.ValuedAt is null;
        portfolio.Equity = mark.Equity;
        portfolio.UnrealizedPnl = mark.UnrealizedPnl;
        portfolio.PeakEquity = mark.PeakEquity;
        if (changed)
        {
            portfolio.ValuedAt = now;
        }

        await UpdateSnapshotAsync(portfolio, mark, today, now, changed, cancellationToken);

        if (afterFill || portfolio.LastPointAt is null || now - portfolio.LastPointAt >= options.Value.IntradayPointInterval)
        {
            db.IntradayPoints.Add(new IntradayEquityPoint { PortfolioId = portfolio.Id, At = now, Equity = mark.Equity, Drawdown = mark.Drawdown });
            portfolio.LastPointAt = now;
        }

        if (changed)
        {
            var valued = ToEvent(portfolio, mark, now) with { AppliedOrderId = appliedFill?.OrderId, AppliedFillId = appliedFill?.FillId };
            if (appliedFill is not null)
            {
                // Only the owner's screens follow it (Risk and Execution get the next periodic valuation), and they read
                // the durable state again when they reconnect: a notification after commit, with no outbox row to write.
                fillPushes.Stage(new PortfolioFillApplied(valued, portfolio.Fees, portfolio.Currency, portfolio.OpenedAt, appliedFill.Fill));
            }
            else
            {
                portfolio.BroadcastFillsThrough = portfolio.LastFillAt;
                if (batch is null)
                {
                    outbox.Add(valued);
                }
                else
                {
                    batch.Add(valued);
                }
            }
        }

        return mark;
    }

    public static PortfolioValued ToEvent(UserPortfolio portfolio, PortfolioMark mark, DateTimeOffset now) => new(
        portfolio.UserId,
        portfolio.Id,
        mark.Cash,
        mark.PositionsValue,
        mark.Equity,
        mark.RealizedPnl,
        mark.UnrealizedPnl,
        mark.Positions.Count,
        now,
        mark.StartOfDayEquity,
        mark.PeakEquity,
        mark.Positions.Select(p => new PositionValuation(p.Symbol, p.Quantity, p.AverageCost, p.LastPrice, p.MarketValue)).ToList(),
        portfolio.Mode,
        LastFillAt: portfolio.LastFillAt);

    private async Task RollOverAsync(UserPortfolio portfolio, DateOnly today, CancellationToken cancellationToken)
    {
        var previous = await db.Snapshots.SingleOrDefaultAsync(
            s => s.PortfolioId == portfolio.Id && s.Date == portfolio.SessionDate, cancellationToken);
        if (previous is not null)
        {
            previous.Closed = true;
            previous.CloseEquity = portfolio.Equity;
        }

        portfolio.StartOfDayEquity = portfolio.Equity;
        portfolio.SessionDate = today;
        var keepFrom = new DateTimeOffset(today.AddDays(-2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await db.IntradayPoints.Where(p => p.PortfolioId == portfolio.Id && p.At < keepFrom).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task UpdateSnapshotAsync(
        UserPortfolio portfolio, PortfolioMark mark, DateOnly today, DateTimeOffset now, bool changed, CancellationToken cancellationToken)
    {
        var snapshot = db.Snapshots.Local.FirstOrDefault(s => s.PortfolioId == portfolio.Id && s.Date == today)
                       ?? await db.Snapshots.SingleOrDefaultAsync(s => s.PortfolioId == portfolio.Id && s.Date == today, cancellationToken);
        var created = snapshot is null;
        if (snapshot is null)
        {
            snapshot = new DailyEquitySnapshot
            {
                PortfolioId = portfolio.Id,
                Date = today,
                OpenEquity = portfolio.StartOfDayEquity,
                HighEquity = Math.Max(portfolio.StartOfDayEquity, mark.Equity),
                LowEquity = Math.Min(portfolio.StartOfDayEquity, mark.Equity),
            };
            db.Snapshots.Add(snapshot);
        }

        snapshot.HighEquity = Math.Max(snapshot.HighEquity, mark.Equity);
        snapshot.LowEquity = Math.Min(snapshot.LowEquity, mark.Equity);
        snapshot.CloseEquity = mark.Equity;
        snapshot.Cash = mark.Cash;
        snapshot.PeakEquity = mark.PeakEquity;
        snapshot.Drawdown = mark.Drawdown;
        snapshot.HadPositions |= mark.Positions.Count > 0;
        if (changed || created)
        {
            snapshot.UpdatedAt = now;
        }
    }
}
