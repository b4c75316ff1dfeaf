using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using TradeNova.ServiceDefaults.Auth;

namespace TradeNova.Portfolio.Hubs;

/// <summary>
/// Real-time account updates. Each connection joins its user's group (id from the token's <c>sub</c> only),
/// so a push reaches every tab of that user and nobody else.
/// </summary>
[Authorize]
public sealed class AccountHub : Hub
{
    public const string Path = "/hubs/account";
    public const string PortfolioUpdated = "portfolioUpdated";

    public static string GroupFor(Guid userId) => $"user:{userId}";

    public override async Task OnConnectedAsync()
    {
        var userId = Context.User?.GetUserId()
            ?? throw new HubException("An authenticated user is required.");
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupFor(userId));
        await base.OnConnectedAsync();
    }
}
