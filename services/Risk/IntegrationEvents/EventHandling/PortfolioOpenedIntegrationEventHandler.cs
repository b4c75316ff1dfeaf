using MassTransit;
using TradeNova.Contracts.Portfolio;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.Risk.IntegrationEvents.EventHandling;

/// <summary>The paper starting cash is the first valuation Risk knows: equity = cash, start of day = peak = cash. A live
/// portfolio opens with the broker's positions too, so its first <c>PortfolioValued</c> (staged with it) is the start.</summary>
public sealed class PortfolioOpenedIntegrationEventHandler(RiskContext db) : InboxConsumer<RiskContext, PortfolioOpened>(db)
{
    protected override async Task HandleAsync(ConsumeContext<PortfolioOpened> context, CancellationToken cancellationToken)
    {
        var opened = context.Message;
        if (RiskAccounts.Parse(opened.Mode) != RiskAccounts.Paper)
        {
            return;
        }

        var account = await Db.LockAccountAsync(opened.UserId, cancellationToken);
        if (account.ValuedAt is not null)
        {
            return;
        }

        account.PortfolioId = opened.PortfolioId;
        account.Cash = opened.Cash;
        account.Equity = opened.Cash;
        account.StartOfDayEquity = opened.Cash;
        account.PeakEquity = opened.Cash;
        account.ValuedAt = opened.OpenedAt;
    }
}
