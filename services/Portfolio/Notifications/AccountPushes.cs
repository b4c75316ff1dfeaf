using Microsoft.AspNetCore.SignalR;
using TradeNova.Contracts.Portfolio;
using TradeNova.Portfolio.Apis;
using TradeNova.Portfolio.Hubs;
using TradeNova.Portfolio.Valuation;

namespace TradeNova.Portfolio.Notifications;

/// <summary>
/// Sends account events to the owner's SignalR group on this instance (only when the owner is connected here). Used by
/// <see cref="AccountNotificationsConsumer"/> for what arrives over the bus, and by the fill handler for a fill it
/// applied itself while no other Portfolio instance is running (<see cref="FillPushRoute"/>).
/// </summary>
public sealed class AccountPushes(IHubContext<AccountHub> hub, ConnectedAccounts connected, TimeProvider time)
{
    public Task SendAsync<T>(Guid userId, string method, T payload, CancellationToken cancellationToken) =>
        connected.IsConnected(userId)
            ? hub.Clients.Group(AccountHub.GroupFor(userId)).SendAsync(method, payload, cancellationToken)
            : Task.CompletedTask;

    /// <summary>A fill applied, as one <c>fillApplied</c> message: the orders it changed, the fill, and the portfolio as the
    /// fill left it. The event carries every figure, so nothing is read back. One message rather than one per part
    /// (<c>orderUpdated</c> for each order, <c>orderFilled</c>, <c>portfolioUpdated</c>): every message is a frame from here
    /// to the gateway and on to the browser, each woken up for it, and a fill was about five of them. (The fill comes from
    /// here rather than from Execution's <c>OrderFilled</c>: one delivery less per fill, and a screen that reloads the
    /// trade history on it finds the fill there.)</summary>
    public Task FillAppliedAsync(PortfolioFillApplied applied, CancellationToken cancellationToken)
    {
        var valued = applied.Valuation;
        if (!connected.IsConnected(valued.UserId))
        {
            return Task.CompletedTask;
        }

        connected.Holdings(valued.UserId, valued.Mode, valued.Positions.Select(p => p.Symbol));
        var portfolio = new UserPortfolio
        {
            Id = valued.PortfolioId, UserId = valued.UserId, Mode = valued.Mode, Currency = applied.Currency, OpenedAt = applied.OpenedAt,
            Fees = applied.Fees,
        };
        var fill = applied.Fill;
        var message = new FillAppliedMessage(
            valued.AppliedOrderId ?? fill.OrderId, valued.AppliedFillId ?? fill.FillId, valued.Mode, time.GetUtcNow(),
            fill.OrderUpdates ?? [], fill with { OrderUpdates = null }, Revalued(portfolio, valued));
        return SendAsync(valued.UserId, AccountHub.FillApplied, message, cancellationToken);
    }

    /// <summary><c>portfolioUpdated</c> with the valuation's figures (the moment it was valued, not a fresher or older
    /// database row).</summary>
    public Task PortfolioAsync(UserPortfolio portfolio, PortfolioValued valued, CancellationToken cancellationToken) =>
        SendAsync(valued.UserId, AccountHub.PortfolioUpdated, Revalued(portfolio, valued), cancellationToken);

    private static PortfolioResponse Revalued(UserPortfolio portfolio, PortfolioValued valued)
    {
        portfolio.Cash = valued.Cash;
        portfolio.RealizedPnl = valued.RealizedPnl;
        portfolio.StartOfDayEquity = valued.StartOfDayEquity;
        portfolio.PeakEquity = valued.PeakEquity;
        var positions = valued.Positions.Select(p => new Position
        {
            PortfolioId = valued.PortfolioId, Symbol = p.Symbol, Quantity = p.Quantity, AverageCost = p.AverageCost, LastPrice = p.LastPrice,
        });
        var mark = PortfolioMarker.Mark(portfolio, positions, (_, fallback) => fallback);
        return PortfolioResponse.From(portfolio, mark, valued.ValuedAt);
    }
}
