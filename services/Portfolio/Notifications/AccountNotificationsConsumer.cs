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
    IHubContext<AccountHub> hub, ConnectedAccounts connected, LatestPrices prices, PortfolioContext db, TimeProvider time) :
    IConsumer<MarketPricesUpdated>,
    IConsumer<PortfolioValued>,
    IConsumer<PortfoliosValued>,
    IConsumer<PortfolioFillApplied>,
    IConsumer<OrderUpdated>,
    IConsumer<OrdersUpdated>,
    IConsumer<OrderRejected>,
    IConsumer<TradingHalted>,
    IConsumer<TradingResumed>
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

    /// <summary>A fill applied: the orders it changed (<c>orderUpdated</c> each), <c>orderFilled</c>, the portfolio as the
    /// fill left it, then <c>fillApplied</c>; the event
    /// carries every figure, so nothing is read back. (<c>orderFilled</c> comes from here rather than from Execution's
    /// <c>OrderFilled</c>: one delivery less per fill, and a screen that reloads the trade history on it finds the fill
    /// there.)</summary>
    public async Task Consume(ConsumeContext<PortfolioFillApplied> context)
    {
        var applied = context.Message;
        var valued = applied.Valuation;
        if (!connected.IsConnected(valued.UserId))
        {
            return;
        }

        foreach (var order in applied.Fill.OrderUpdates ?? [])
        {
            await Push(valued.UserId, AccountHub.OrderUpdated, order, context);
        }

        await Push(valued.UserId, AccountHub.OrderFilled, applied.Fill with { OrderUpdates = null }, context);
        connected.Holdings(valued.UserId, valued.Mode, valued.Positions.Select(p => p.Symbol));
        var portfolio = new UserPortfolio
        {
            Id = valued.PortfolioId, UserId = valued.UserId, Mode = valued.Mode, Currency = applied.Currency, OpenedAt = applied.OpenedAt,
            Fees = applied.Fees,
        };
        await PushAsync(portfolio, valued, context);
    }

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

        await PushAsync(portfolio, valued, context);
    }

    private async Task PushAsync(UserPortfolio portfolio, PortfolioValued valued, ConsumeContext context)
    {
        // The pushed figures are the event's (the moment it was valued), not a fresher or older database row.
        portfolio.Cash = valued.Cash;
        portfolio.RealizedPnl = valued.RealizedPnl;
        portfolio.StartOfDayEquity = valued.StartOfDayEquity;
        portfolio.PeakEquity = valued.PeakEquity;
        var positions = valued.Positions.Select(p => new Position
        {
            PortfolioId = valued.PortfolioId, Symbol = p.Symbol, Quantity = p.Quantity, AverageCost = p.AverageCost, LastPrice = p.LastPrice,
        });
        var mark = PortfolioMarker.Mark(portfolio, positions, (_, fallback) => fallback);
        await Push(valued.UserId, AccountHub.PortfolioUpdated, PortfolioResponse.From(portfolio, mark, valued.ValuedAt), context);
        if (valued.AppliedOrderId is { } orderId && valued.AppliedFillId is { } fillId)
        {
            await Push(valued.UserId, AccountHub.FillApplied, new FillAppliedMessage(orderId, fillId, portfolio.Mode, time.GetUtcNow()), context);
        }
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
        connected.IsConnected(userId)
            ? hub.Clients.Group(AccountHub.GroupFor(userId)).SendAsync(method, payload, context.CancellationToken)
            : Task.CompletedTask;

    private static QuoteMessage ToQuote(MarketPrice price)
    {
        var change = price.PreviousClose > 0m ? price.Last - price.PreviousClose : 0m;
        return new QuoteMessage(
            price.Symbol, price.Last, price.Bid, price.Ask, price.PreviousClose, change,
            price.PreviousClose > 0m ? Math.Round(change / price.PreviousClose, 6) : 0m, price.Timestamp);
    }
}
