using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using TradeNova.Contracts.Portfolio;

namespace TradeNova.Execution.Strategies;

/// <summary>
/// Records valuations as each account's latest equity in one statement: a row is added or moved forward, never back
/// (an older valuation arriving late changes nothing), and two consumers valuing the same new account at once cannot
/// collide on its key, since <c>ON CONFLICT</c> settles that inside PostgreSQL.
/// </summary>
public static class AccountEquityUpsert
{
    private const string Sql = """
        INSERT INTO execution.account_equities (user_id, mode, equity, valued_at)
        SELECT * FROM unnest(@users, @modes, @equities, @valued_at)
        ON CONFLICT (user_id, mode) DO UPDATE SET equity = excluded.equity, valued_at = excluded.valued_at
        WHERE account_equities.valued_at < excluded.valued_at
        """;

    public static Task ApplyAsync(ExecutionDbContext db, IEnumerable<PortfolioValued> valuations, CancellationToken cancellationToken)
    {
        // One row per account (the newest valuation): ON CONFLICT may touch a row only once per statement.
        var newest = valuations
            .GroupBy(v => (v.UserId, Mode: ModeOf(v)))
            .Select(g => g.MaxBy(v => v.ValuedAt)!)
            .ToList();
        if (newest.Count == 0)
        {
            return Task.CompletedTask;
        }
        return db.Database.ExecuteSqlRawAsync(Sql,
        [
            new NpgsqlParameter("users", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = newest.Select(v => v.UserId).ToArray() },
            new NpgsqlParameter("modes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = newest.Select(ModeOf).ToArray() },
            new NpgsqlParameter("equities", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = newest.Select(v => v.Equity).ToArray() },
            new NpgsqlParameter("valued_at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = newest.Select(v => v.ValuedAt).ToArray() },
        ], cancellationToken);
    }

    /// <summary>The account a valuation is of: <c>live</c>, or <c>paper</c> for anything else.</summary>
    public static string ModeOf(PortfolioValued valued) => valued.Mode == TradingModes.Live ? TradingModes.Live : TradingModes.Paper;
}
