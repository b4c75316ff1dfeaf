using MassTransit;
using TradeNova.Contracts.Portfolio;
using TradeNova.Execution.Strategies;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.Execution.IntegrationEvents.EventHandling;

/// <summary>Keeps each account's latest equity (a strategy's allocation may not exceed it); an older valuation arriving late changes nothing.</summary>
public sealed class PortfolioValuedIntegrationEventHandler(ExecutionDbContext db) : InboxConsumer<ExecutionDbContext, PortfolioValued>(db)
{
    protected override async Task HandleAsync(ConsumeContext<PortfolioValued> context, CancellationToken cancellationToken)
    {
        var valued = context.Message;
        var mode = valued.Mode == TradingModes.Live ? TradingModes.Live : TradingModes.Paper;
        var row = await Db.AccountEquities.FirstOrDefaultAsync(a => a.UserId == valued.UserId && a.Mode == mode, cancellationToken);
        if (row is null)
        {
            Db.AccountEquities.Add(new AccountEquity { UserId = valued.UserId, Mode = mode, Equity = valued.Equity, ValuedAt = valued.ValuedAt });
        }
        else if (valued.ValuedAt > row.ValuedAt)
        {
            row.Equity = valued.Equity;
            row.ValuedAt = valued.ValuedAt;
        }
    }
}
