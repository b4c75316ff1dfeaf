using MassTransit;
using Microsoft.AspNetCore.SignalR;
using TradeNova.Contracts.Portfolio;
using TradeNova.Portfolio.Apis;
using TradeNova.Portfolio.Hubs;

namespace TradeNova.Portfolio.IntegrationEvents.EventHandling;

/// <summary>
/// Pushes <c>portfolioUpdated</c> to the user's group. Runs on a temporary per-instance queue, so with several
/// replicas every instance sees the event and reaches the connections it holds.
/// </summary>
public sealed class PortfolioOpenedNotificationHandler(PortfolioContext db, IHubContext<AccountHub> hub) : IConsumer<PortfolioOpened>
{
    public async Task Consume(ConsumeContext<PortfolioOpened> context)
    {
        var portfolio = await db.Portfolios.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == context.Message.PortfolioId, context.CancellationToken);
        if (portfolio is null)
        {
            return;
        }

        await hub.Clients.Group(AccountHub.GroupFor(portfolio.UserId))
            .SendAsync(AccountHub.PortfolioUpdated, PortfolioResponse.From(portfolio), context.CancellationToken);
    }
}
