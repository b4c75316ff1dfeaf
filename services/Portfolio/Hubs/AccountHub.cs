using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using TradeNova.Portfolio.Notifications;
using TradeNova.ServiceDefaults.Auth;

namespace TradeNova.Portfolio.Hubs;

/// <summary>
/// Real-time account updates. Each connection joins its user's group (id from the token's <c>sub</c> only),
/// so a push reaches every tab of that user and nobody else. Server-to-client messages (payloads in
/// docs/platform-contract.md): <see cref="PortfolioUpdated"/>, <see cref="Quotes"/>, <see cref="OrderUpdated"/>,
/// <see cref="OrderFilled"/>, <see cref="FillApplied"/>, <see cref="OrderRejected"/>, <see cref="TradingHalted"/>,
/// <see cref="TradingResumed"/>.
/// </summary>
[Authorize]
public sealed class AccountHub(ConnectedAccounts connected, PortfolioContext db) : Hub
{
    public const string Path = "/hubs/account";
    public const string PortfolioUpdated = "portfolioUpdated";
    public const string Quotes = "quotes";
    public const string OrderUpdated = "orderUpdated";
    public const string OrderFilled = "orderFilled";

    /// <summary>A fill is now in the portfolio (cash, position, trade history): <c>{ orderId, fillId }</c>, right after
    /// the <see cref="PortfolioUpdated"/> that includes it.</summary>
    public const string FillApplied = "fillApplied";
    public const string OrderRejected = "orderRejected";
    public const string TradingHalted = "tradingHalted";
    public const string TradingResumed = "tradingResumed";

    public static string GroupFor(Guid userId) => $"user:{userId}";

    public override async Task OnConnectedAsync()
    {
        var userId = Context.User?.GetUserId()
            ?? throw new HubException("An authenticated user is required.");
        // The client counts as connected once the handshake is answered, before this runs: join the group and count
        // the connection first, so pushes reach it while the held symbols (for quotes) are still being read.
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupFor(userId));
        connected.Connected(userId);
        var held = await db.Positions.AsNoTracking()
            .Join(db.Portfolios.Where(portfolio => portfolio.UserId == userId), p => p.PortfolioId, portfolio => portfolio.Id,
                (p, portfolio) => new { portfolio.Mode, p.Symbol })
            .ToListAsync(Context.ConnectionAborted);
        foreach (var portfolio in held.GroupBy(h => h.Mode))
        {
            connected.Holdings(userId, portfolio.Key, portfolio.Select(h => h.Symbol));
        }

        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.User?.TryGetUserId(out var userId) == true)
        {
            connected.Disconnected(userId);
        }

        await base.OnDisconnectedAsync(exception);
    }
}
