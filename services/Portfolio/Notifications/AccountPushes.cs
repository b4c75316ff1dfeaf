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

    /// <summary>A fill applied: the orders it changed (<c>orderUpdated</c> each), <c>orderFilled</c>, the portfolio as the
    /// fill left it, then <c>fillApplied</c>. The event carries every figure, so nothing is read back. (<c>orderFilled</c>
    /// comes from here rather than from Execution's <c>OrderFilled</c>: one delivery less per fill, and a screen that
    /// reloads the trade history on it finds the fill there.)</summary>
    public async Task FillAppliedAsync(PortfolioFillApplied applied, CancellationToken cancellationToken)
    {
        var valued = applied.Valuation;
        if (!connected.IsConnected(valued.UserId))
        {
            return;
        }

        foreach (var order in applied.Fill.OrderUpdates ?? [])
        {
            await SendAsync(valued.UserId, AccountHub.OrderUpdated, order, cancellationToken);
        }

        await SendAsync(valued.UserId, AccountHub.OrderFilled, applied.Fill with { OrderUpdates = null }, cancellationToken);
        connected.Holdings(valued.UserId, valued.Mode, valued.Positions.Select(p => p.Symbol));
        var portfolio = new UserPortfolio
        {
            Id = valued.PortfolioId, UserId = valued.UserId, Mode = valued.Mode, Currency = applied.Currency, OpenedAt = applied.OpenedAt,
            Fees = applied.Fees,
        };
        await PortfolioAsync(portfolio, valued, cancellationToken);
    }

    /// <summary><c>portfolioUpdated</c> with the valuation's figures (the moment it was valued, not a fresher or older
    /// database row), then <c>fillApplied</c> when the valuation is a fill's.</summary>
    public async Task PortfolioAsync(UserPortfolio portfolio, PortfolioValued valued, CancellationToken cancellationToken)
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
        await SendAsync(valued.UserId, AccountHub.PortfolioUpdated, PortfolioResponse.From(portfolio, mark, valued.ValuedAt), cancellationToken);
        if (valued.AppliedOrderId is { } orderId && valued.AppliedFillId is { } fillId)
        {
            await SendAsync(valued.UserId, AccountHub.FillApplied, new FillAppliedMessage(orderId, fillId, portfolio.Mode, time.GetUtcNow()), cancellationToken);
        }
    }
}
