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
        var userId = context.Message.UserId;
        var known = await Db.AccountEquities.Where(a => a.UserId == userId).ToListAsync(cancellationToken);
        Apply(Db, known, context.Message);
    }

    /// <summary>Applies one valuation to the user's rows in <paramref name="known"/> (tracked), adding the account's row if it is new.</summary>
    public static void Apply(ExecutionDbContext db, List<AccountEquity> known, PortfolioValued valued)
    {
        var mode = valued.Mode == TradingModes.Live ? TradingModes.Live : TradingModes.Paper;
        var row = known.FirstOrDefault(a => a.UserId == valued.UserId && a.Mode == mode);
        if (row is null)
        {
            row = new AccountEquity { UserId = valued.UserId, Mode = mode, Equity = valued.Equity, ValuedAt = valued.ValuedAt };
            db.AccountEquities.Add(row);
            known.Add(row);
        }
        else if (valued.ValuedAt > row.ValuedAt)
        {
            row.Equity = valued.Equity;
            row.ValuedAt = valued.ValuedAt;
        }
    }
}
