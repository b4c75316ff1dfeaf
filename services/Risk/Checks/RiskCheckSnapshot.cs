using System.Data;
using System.Data.Common;
using Npgsql;
using static TradeNova.ServiceDefaults.Data.BatchCommands;

namespace TradeNova.Risk.Checks;

/// <summary>
/// Everything the pre-trade check reads from Risk's tables, fetched in one round trip: the statements go as one
/// <see cref="NpgsqlBatch"/> (one network write, one wait), where separate EF queries cost one round trip each; on a
/// busy host each wait costs far more than the indexed read behind it. Outside a transaction
/// (as the check runs) the batch is one implicit read-committed transaction: it sees committed state only.
/// </summary>
/// <param name="Accounts">The rows of the checked account and of the user's paper account (one row when they are the same).</param>
/// <param name="Positions">Non-zero signed quantities of the checked account by symbol.</param>
/// <param name="PersistedLastPrice">The symbol's persisted last price, when it was asked for and is known.</param>
public sealed record RiskCheckSnapshot(
    RiskProfile? Profile,
    IReadOnlyList<RiskAccount> Accounts,
    IReadOnlyDictionary<string, decimal> Positions,
    bool KillSwitch,
    decimal? PersistedLastPrice)
{
    /// <summary>Every column of <c>risk.accounts</c>, read by name (a unit test holds this list to the EF model, so
    /// a new column cannot be silently left out).</summary>
    public static readonly string[] AccountColumns =
    [
        "user_id", "account", "portfolio_id", "cash", "equity", "start_of_day_equity", "peak_equity", "valued_at",
        "valuation_fills_through", "last_fill_at", "registered_at", "subscription_status", "subscription_changed_at",
        "monitor_utc_day", "monitor_last_equity",
        "monitor_start_of_day_equity", "monitor_peak_equity", "daily_loss_halted", "daily_loss_halted_at", "drawdown_halted",
        "drawdown_halted_at", "admin_halted", "admin_halt_reason", "admin_halted_at",
    ];

    /// <summary>Every column of <c>risk.risk_profiles</c>, read by name.</summary>
    public static readonly string[] ProfileColumns =
    [
        "user_id", "max_position_fraction", "max_open_positions", "daily_loss_fraction", "max_drawdown_fraction",
        "stop_loss_fraction", "take_profit_fraction", "updated_at", "version",
    ];

    private static readonly string ProfileSql = $"SELECT {string.Join(", ", ProfileColumns)} FROM risk.risk_profiles WHERE user_id = $1";

    private static readonly string AccountsSql =
        $"SELECT {string.Join(", ", AccountColumns)} FROM risk.accounts WHERE user_id = $1 AND (account = $2 OR account = $3)";

    private const string PositionsSql = "SELECT symbol, quantity FROM risk.positions WHERE user_id = $1 AND account = $2 AND quantity <> 0";

    private const string KillSwitchSql = "SELECT EXISTS (SELECT 1 FROM risk.platform_halt WHERE active)";

    private const string SymbolSql = "SELECT last_price FROM risk.symbols WHERE symbol = $1";

    /// <param name="account"><c>paper</c> or <c>live</c>.</param>
    /// <param name="persistedSymbol">Upper-case symbol whose persisted last price to read too, or null to skip that read.</param>
    public static async Task<RiskCheckSnapshot> ReadAsync(
        RiskContext db, Guid userId, string account, string? persistedSymbol, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
            batch.BatchCommands.Add(Command(ProfileSql, userId));
            batch.BatchCommands.Add(Command(AccountsSql, userId, account, RiskAccounts.Paper));
            batch.BatchCommands.Add(Command(PositionsSql, userId, account));
            batch.BatchCommands.Add(Command(KillSwitchSql));
            if (persistedSymbol is not null)
            {
                batch.BatchCommands.Add(Command(SymbolSql, persistedSymbol));
            }

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            var profile = await reader.ReadAsync(cancellationToken) ? ReadProfile(reader) : null;

            await reader.NextResultAsync(cancellationToken);
            var accounts = new List<RiskAccount>(2);
            while (await reader.ReadAsync(cancellationToken))
            {
                accounts.Add(ReadAccount(reader));
            }

            await reader.NextResultAsync(cancellationToken);
            var positions = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
            while (await reader.ReadAsync(cancellationToken))
            {
                positions.Add(reader.GetString(0), reader.GetDecimal(1));
            }

            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var killSwitch = reader.GetBoolean(0);

            decimal? lastPrice = null;
            if (persistedSymbol is not null && await reader.NextResultAsync(cancellationToken) && await reader.ReadAsync(cancellationToken))
            {
                lastPrice = reader.GetDecimal(0);
            }

            return new RiskCheckSnapshot(profile, accounts, positions, killSwitch, lastPrice);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static RiskProfile ReadProfile(DbDataReader row) => new()
    {
        UserId = row.GetGuid("user_id"),
        MaxPositionFraction = row.GetDecimal("max_position_fraction"),
        MaxOpenPositions = row.GetInt32("max_open_positions"),
        DailyLossFraction = row.GetDecimal("daily_loss_fraction"),
        MaxDrawdownFraction = row.GetDecimal("max_drawdown_fraction"),
        StopLossFraction = row.GetDecimal("stop_loss_fraction"),
        TakeProfitFraction = row.GetDecimal("take_profit_fraction"),
        UpdatedAt = row.GetFieldValue<DateTimeOffset>("updated_at"),
        Version = row.GetInt32("version"),
    };

    private static RiskAccount ReadAccount(DbDataReader row) => new()
    {
        UserId = row.GetGuid("user_id"),
        Account = row.GetString("account"),
        PortfolioId = OrNull<Guid>(row, "portfolio_id"),
        Cash = row.GetDecimal("cash"),
        Equity = row.GetDecimal("equity"),
        StartOfDayEquity = row.GetDecimal("start_of_day_equity"),
        PeakEquity = row.GetDecimal("peak_equity"),
        ValuedAt = OrNull<DateTimeOffset>(row, "valued_at"),
        ValuationFillsThrough = OrNull<DateTimeOffset>(row, "valuation_fills_through"),
        LastFillAt = OrNull<DateTimeOffset>(row, "last_fill_at"),
        RegisteredAt = OrNull<DateTimeOffset>(row, "registered_at"),
        SubscriptionStatus = row.IsDBNull("subscription_status") ? null : row.GetString("subscription_status"),
        SubscriptionChangedAt = OrNull<DateTimeOffset>(row, "subscription_changed_at"),
        MonitorUtcDay = OrNull<long>(row, "monitor_utc_day"),
        MonitorLastEquity = row.GetDecimal("monitor_last_equity"),
        MonitorStartOfDayEquity = row.GetDecimal("monitor_start_of_day_equity"),
        MonitorPeakEquity = row.GetDecimal("monitor_peak_equity"),
        DailyLossHalted = row.GetBoolean("daily_loss_halted"),
        DailyLossHaltedAt = OrNull<DateTimeOffset>(row, "daily_loss_halted_at"),
        DrawdownHalted = row.GetBoolean("drawdown_halted"),
        DrawdownHaltedAt = OrNull<DateTimeOffset>(row, "drawdown_halted_at"),
        AdminHalted = row.GetBoolean("admin_halted"),
        AdminHaltReason = row.IsDBNull("admin_halt_reason") ? null : row.GetString("admin_halt_reason"),
        AdminHaltedAt = OrNull<DateTimeOffset>(row, "admin_halted_at"),
    };

    private static T? OrNull<T>(DbDataReader row, string column)
        where T : struct =>
        row.IsDBNull(column) ? null : row.GetFieldValue<T>(column);
}
