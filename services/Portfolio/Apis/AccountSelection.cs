using System.Data;
using Microsoft.EntityFrameworkCore.Storage;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Portfolio.Apis;

/// <summary>The <c>?account=paper|live</c> of every portfolio route (default paper): which of the caller's portfolios.</summary>
public static class AccountSelection
{
    public static ValidationProblem Invalid() =>
        ProblemResults.Validation(new Dictionary<string, string[]> { ["account"] = ["Must be paper or live."] });

    public static Task<UserPortfolio?> FindAsync(PortfolioContext db, Guid userId, string account, CancellationToken cancellationToken) =>
        db.Portfolios.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId && p.Mode == account, cancellationToken);

    /// <summary>
    /// A read-only snapshot for a read that takes the portfolio row and its positions in separate queries: without it a
    /// fill committing between the two shows the new position beside the old cash. Disposed, never committed.
    /// </summary>
    public static Task<IDbContextTransaction> SnapshotAsync(PortfolioContext db, CancellationToken cancellationToken) =>
        db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

    public static ProblemHttpResult NotFound(string account) => account == PortfolioAccounts.Live
        ? ProblemResults.NotFound("No live portfolio yet.", "The live portfolio opens when your broker account is connected and first reported.")
        : ProblemResults.NotFound("Portfolio not opened yet.");
}
