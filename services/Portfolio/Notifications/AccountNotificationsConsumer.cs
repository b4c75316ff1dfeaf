using MassTransit;
using Microsoft.AspNetCore.SignalR;
using TradeNova.Contracts.Execution;
using TradeNova.Contracts.Market;
using TradeNova.Contracts.Portfolio;
using TradeNova.Contracts.Risk;
using TradeNova.Portfolio.Apis;
using TradeNova.Portfolio.Hubs;
using TradeNova.Portfolio.Valuation;

namespace TradeNova.Portfolio.Notifications;

/// <summary>
/// Pushes account events to the owner's SignalR group. Bound to a per-instance, non-durable, auto-deleted queue, so
/// with several Portfolio instances every instance sees every event and reaches the connections it holds; nothing
/// here changes state (apart from this instance's in-memory prices), so no inbox is needed.
/// </summary>
public sealed class AccountNotificationsConsumer(
    IHubContext<AccountHub> hub, ConnectedAccounts connected, LatestPrices prices, PortfolioContext db, AccountPushes pushes, PortfolioPeers peers) :
    IConsumer<MarketPricesUpdated>,
    IConsumer<PortfolioValued>,
    IConsumer<PortfoliosValued>,
    IConsumer<PortfolioFillApplied>,
    IConsumer<OrderUpdated>,
    IConsumer<OrdersUpdated>,
    IConsumer<OrderRejected>,
    IConsumer<TradingHalted>,
    IConsumer<TradingResumed>,
    IConsumer<PortfolioInstanceOnline>
{
    /// <summary>Prices arrive coalesced (about one message a second); each holder gets one <c>quotes</c> push with only
    /// the symbols they hold.</summary>
    public async Task Consume(ConsumeContext<MarketPricesUpdated> context)
    {
        prices.Update(context.Message.Prices);
        var bySymbol = context.Message.Prices.ToDictionary(p => p.Symbol.ToUpperInvariant(), StringComparer.OrdinalIgnoreCase);
        foreach (var (userId, symbols) in connected.Snapshot())
        {
            var quotes = symbols.Where(bySymbol.ContainsKey).Select(s => ToQuote(bySymbol[s])).ToList();
            if (quotes.Count > 0)
            {
                await hub.Clients.Group(AccountHub.GroupFor(userId)).SendAsync(AccountHub.Quotes, quotes, context.CancellationToken);
            }
        }
    }

    public Task Consume(ConsumeContext<PortfolioValued> context) => PushValuationAsync(context.Message, context);

    /// <summary>The periodic pass: each connected owner gets their own portfolio's figures, as from a single valuation.</summary>
    public async Task Consume(ConsumeContext<PortfoliosValued> context)
    {
        foreach (var valued in context.Message.Valuations)
        {
            await PushValuationAsync(valued, context);
        }
    }

    /// <summary>A fill applied by any instance (see <see cref="AccountPushes.FillAppliedAsync"/>).</summary>
    public Task Consume(ConsumeContext<PortfolioFillApplied> context) => pushes.FillAppliedAsync(context.Message, context.CancellationToken);

    /// <summary>Another instance is running: fills applied here go over the bus from now on, to reach its connections.</summary>
    public Task Consume(ConsumeContext<PortfolioInstanceOnline> context) =>
        peers.Heard(context.Message) ? context.Publish(peers.Announcement(reply: true), context.CancellationToken) : Task.CompletedTask;

    private async Task PushValuationAsync(PortfolioValued valued, ConsumeContext context)
    {
        if (!connected.IsConnected(valued.UserId))
        {
            return;
        }

        connected.Holdings(valued.UserId, valued.Mode, valued.Positions.Select(p => p.Symbol));
        var portfolio = await db.Portfolios.AsNoTracking().SingleOrDefaultAsync(p => p.Id == valued.PortfolioId, context.CancellationToken);
        if (portfolio is null || portfolio.UserId != valued.UserId)
        {
            return;
        }

        await pushes.PortfolioAsync(portfolio, valued, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<OrderUpdated> context) =>
        Push(context.Message.UserId, AccountHub.OrderUpdated, context.Message, context);

    /// <summary>Several orders changed together reach the browser as one <c>orderUpdated</c> each, in their order.</summary>
    public async Task Consume(ConsumeContext<OrdersUpdated> context)
    {
        foreach (var order in context.Message.Orders)
        {
            await Push(context.Message.UserId, AccountHub.OrderUpdated, order, context);
        }
    }

    public Task Consume(ConsumeContext<OrderRejected> context) =>
        Push(context.Message.UserId, AccountHub.OrderRejected, context.Message, context);

    public Task Consume(ConsumeContext<TradingHalted> context) =>
        Push(context.Message.UserId, AccountHub.TradingHalted, context.Message, context);

    public Task Consume(ConsumeContext<TradingResumed> context) =>
        Push(context.Message.UserId, AccountHub.TradingResumed, context.Message, context);

    private Task Push<T>(Guid userId, string method, T payload, ConsumeContext context) =>
        pushes.SendAsync(userId, method, payload, context.CancellationToken);

    private static QuoteMessage ToQuote(MarketPrice price)
    {
        var change = price.PreviousClose > 0m ? price.Last - price.PreviousClose : 0m;
        return new QuoteMessage(
            price.Symbol, price.Last, price.Bid, price.Ask, price.PreviousClose, change,
            price.PreviousClose > 0m ? Math.Round(change / price.PreviousClose, 6) : 0m, price.Timestamp);
    }
}
