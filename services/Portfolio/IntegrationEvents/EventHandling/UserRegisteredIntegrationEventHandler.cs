using MassTransit;
using TradeNova.Contracts.Identity;
using TradeNova.Contracts.Portfolio;
using TradeNova.ServiceDefaults.Messaging.Inbox;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.Portfolio.IntegrationEvents.EventHandling;

/// <summary>Opens the new user's paper portfolio with the starting cash and announces it.</summary>
public sealed class UserRegisteredIntegrationEventHandler(PortfolioContext db, IOutbox outbox, TimeProvider time)
    : InboxConsumer<PortfolioContext, UserRegistered>(db)
{
    protected override async Task HandleAsync(ConsumeContext<UserRegistered> context, CancellationToken cancellationToken)
    {
        using var activity = PortfolioTelemetry.ActivitySource.StartActivity("open portfolio");
        activity?.SetTag("tradenova.user_id", context.Message.UserId);
        var userId = context.Message.UserId;
        if (await Db.Portfolios.AnyAsync(p => p.UserId == userId && p.Mode == PortfolioAccounts.Paper, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        var portfolio = new UserPortfolio
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Mode = PortfolioAccounts.Paper,
            Currency = PortfolioDefaults.Currency,
            OpenedAt = now,
        };
        portfolio.OpenWith(PortfolioDefaults.StartingCash, now);
        Db.Portfolios.Add(portfolio);
        outbox.Add(new PortfolioOpened(userId, portfolio.Id, portfolio.Cash, now));
    }
}
