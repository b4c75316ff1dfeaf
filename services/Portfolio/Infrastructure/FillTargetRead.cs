using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using TradeNova.ServiceDefaults.Data;
using static TradeNova.ServiceDefaults.Data.BatchCommands;

namespace TradeNova.Portfolio.Infrastructure;

/// <summary>
/// What applying a fill reads, in one round trip of the caller's transaction: the account's portfolio under a row lock
/// (<c>FOR UPDATE</c>), then its positions and the day's equity snapshot. The statements of a batch run in order, each
/// with its own read-committed snapshot, so the two reads after the lock see everything committed before it was
/// granted. Three EF queries would be three round trips. The rows are tracked, so the caller saves its changes with EF.
/// </summary>
public static class FillTargetRead
{
    private const string Portfolio = "(SELECT id FROM portfolio.portfolios WHERE user_id = $1 AND mode = $2)";

    /// <param name="day">The UTC day whose snapshot to load with it (a snapshot of another day is read when needed).</param>
    /// <returns>The locked portfolio and its positions, or null when the account has no portfolio.</returns>
    public static async Task<(UserPortfolio Portfolio, List<Position> Positions)?> LockForFillAsync(
        this PortfolioContext db, Guid userId, string account, DateOnly day, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection, db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction)
        {
            BatchCommands =
            {
                Command("SELECT * FROM portfolio.portfolios WHERE user_id = $1 AND mode = $2 FOR UPDATE", userId, account),
                Command($"SELECT * FROM portfolio.positions WHERE portfolio_id = {Portfolio}", userId, account),
                Command($"SELECT * FROM portfolio.daily_equity WHERE portfolio_id = {Portfolio} AND date = $3", userId, account, day),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var portfolio = TrackedRows.Attach<UserPortfolio>(db, reader);
        await reader.NextResultAsync(cancellationToken);
        var positions = new List<Position>();
        while (await reader.ReadAsync(cancellationToken))
        {
            positions.Add(TrackedRows.Attach<Position>(db, reader));
        }

        await reader.NextResultAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken))
        {
            TrackedRows.Attach<DailyEquitySnapshot>(db, reader);
        }

        return (portfolio, positions);
    }
}
