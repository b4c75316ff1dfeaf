using System.Net;
using System.Text.Json;
using Npgsql;
using TradeNova.Contracts.Execution;
using TradeNova.Contracts.Risk;
using TradeNova.IntegrationTests.Infrastructure;
using TradeNova.IntegrationTests.Platform;
using static TradeNova.IntegrationTests.Trading.TradingApi;

namespace TradeNova.IntegrationTests.Trading;

/// <summary>Portfolio on the running platform, driven by the shared contracts on the real bus as Execution and the price
/// service would publish them; everything read back through the gateway and the account hub.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PortfolioTradingTests(PlatformFixture platform)
{
    [Fact]
    public async Task Same_fill_delivered_twice_changes_the_portfolio_once()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewTraderAsync();
        await using var bus = await TradingBus.StartAsync(platform.Infrastructure.Vhost.AmqpUri);
        var fill = Fill(user.UserId, "AAPL", "buy", 10m, 100m, 1m);
        var messageId = Guid.NewGuid();

        await bus.PublishAsync(fill, messageId);
        await bus.PublishAsync(fill, messageId);                 // a redelivery: same message id
        await bus.PublishAsync(fill, Guid.NewGuid());            // the same fill again under a new message id
        await bus.PublishAsync(Fill(user.UserId, "MSFT", "buy", 1m, 50m, 0m));

        var trades = await Poll.UntilAsync(() => gateway.JsonAsync(HttpMethod.Get, "/api/v1/portfolio/trades", user.AccessToken),
            t => t.GetProperty("total").GetInt32() >= 2, Eventually, "both fills in the history");
        // Whichever Portfolio instance took the redelivery (another test may have started a second one) logs it.
        await Poll.UntilAsync(() => Task.FromResult(Directory.GetFiles(platform.OutputDirectory, "portfolio*.log")
                .Any(log => ReadShared(log).Contains($"Message {messageId} already applied", StringComparison.Ordinal))),
            Eventually, "the redelivery acknowledged as a duplicate");

        trades.GetProperty("total").GetInt32().ShouldBe(2);
        var portfolio = await gateway.JsonAsync(HttpMethod.Get, "/api/v1/portfolio", user.AccessToken);
        portfolio.GetProperty("cash").GetDecimal().ShouldBe(10_000m - 1_000m - 1m - 50m);
        var aapl = portfolio.GetProperty("positions").EnumerateArray().Single(p => p.GetProperty("symbol").GetString() == "AAPL");
        aapl.GetProperty("quantity").GetDecimal().ShouldBe(10m);
    }

    [Fact]
    public async Task Fills_move_cash_positions_pnl_and_trade_history_with_filters_and_csv()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewTraderAsync();
        await using var bus = await TradingBus.StartAsync(platform.Infrastructure.Vhost.AmqpUri);

        // A symbol outside the simulated universe: no live price can overwrite the test's own mark at 130 before the poll
        // reads it (with KO, Execution's price a second later sometimes did).
        await bus.PublishAsync(Fill(user.UserId, "KOX", "buy", 10m, 100m, 1m, DateTimeOffset.UtcNow.AddSeconds(-3)));
        await gateway.WaitForPortfolioAsync(user, p => p.GetProperty("positions").GetArrayLength() == 1, "bought");
        await bus.PublishAsync(Fill(user.UserId, "KOX", "sell", 5m, 120m, 1m));
        var portfolio = await gateway.WaitForPortfolioAsync(user, p => p.GetProperty("realizedPnl").GetDecimal() != 0m, "sold half");
        await bus.PricesAsync(("KOX", 130m));
        portfolio = await gateway.WaitForPortfolioAsync(user,
            p => p.GetProperty("positions")[0].GetProperty("marketPrice").GetDecimal() == 130m, "marked at 130");

        // Hand-worked: cash 10,000 - 1,000 - 1 + 600 - 1 = 9,598; 5 @ 100 left; realized 5 × 20 = 100; marked at 130.
        portfolio.GetProperty("cash").GetDecimal().ShouldBe(9_598m);
        portfolio.GetProperty("buyingPower").GetDecimal().ShouldBe(9_598m);
        portfolio.GetProperty("realizedPnl").GetDecimal().ShouldBe(100m);
        portfolio.GetProperty("fees").GetDecimal().ShouldBe(2m);
        portfolio.GetProperty("equity").GetDecimal().ShouldBe(9_598m + 650m);
        portfolio.GetProperty("unrealizedPnl").GetDecimal().ShouldBe(150m);
        portfolio.GetProperty("dayPnl").GetDecimal().ShouldBe(248m);
        var position = portfolio.GetProperty("positions")[0];
        position.GetProperty("quantity").GetDecimal().ShouldBe(5m);
        position.GetProperty("averagePrice").GetDecimal().ShouldBe(100m);
        position.GetProperty("weight").GetDecimal().ShouldBe(Math.Round(650m / 10_248m, 6));

        var sells = await gateway.JsonAsync(HttpMethod.Get, "/api/v1/portfolio/trades?side=sell", user.AccessToken);
        sells.GetProperty("total").GetInt32().ShouldBe(1);
        sells.GetProperty("items")[0].GetProperty("realizedPnl").GetDecimal().ShouldBe(100m);
        var oldestFirst = await gateway.JsonAsync(HttpMethod.Get, "/api/v1/portfolio/trades?sort=filledAt&pageSize=1&page=2", user.AccessToken);
        oldestFirst.GetProperty("items")[0].GetProperty("side").GetString().ShouldBe("sell");
        using var badSort = await gateway.SendAsync(HttpMethod.Get, "/api/v1/portfolio/trades?sort=nope", user.AccessToken);
        badSort.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var csv = await gateway.SendAsync(HttpMethod.Get, "/api/v1/portfolio/trades.csv?symbol=kox", user.AccessToken);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Trim().Split('\n');
        lines.Length.ShouldBe(3);
        lines[0].ShouldStartWith("FillId,OrderId,Symbol,Side");

        var equity = await gateway.JsonAsync(HttpMethod.Get, "/api/v1/portfolio/equity", user.AccessToken);
        equity.EnumerateArray().Select(p => p.GetProperty("kind").GetString()).ShouldContain("intraday");
        equity.EnumerateArray().Last().GetProperty("kind").GetString().ShouldBe("live");
        var performance = await gateway.JsonAsync(HttpMethod.Get, "/api/v1/portfolio/performance", user.AccessToken);
        performance.GetProperty("report").GetProperty("tradeCount").GetInt32().ShouldBe(1);
        performance.GetProperty("report").GetProperty("feesPaid").GetDecimal().ShouldBe(2m);
    }

    [Fact]
    public async Task Two_users_are_isolated_in_the_api_and_on_the_account_hub()
    {
        using var gateway = platform.CreateGatewayClient();
        var alice = await gateway.NewTraderAsync();
        var bob = await gateway.NewTraderAsync();
        await using var aliceHub = await HubProbe.ConnectAsync(platform.GatewayAddress, alice.AccessToken);
        await using var bobHub = await HubProbe.ConnectAsync(platform.GatewayAddress, bob.AccessToken);
        await using var bus = await TradingBus.StartAsync(platform.Infrastructure.Vhost.AmqpUri);
        var now = DateTimeOffset.UtcNow;
        var orderId = Guid.NewGuid();

        await bus.PublishAsync(new OrderUpdated(alice.UserId, orderId, "c-1", "PEP", "buy", "market", "day", "accepted", 3m, null, 0m, null, null, null, null, "paper", now));
        // An order and the legs it placed, changed in one transaction, travel as one OrdersUpdated: one push per order.
        var (legA, legB) = (Guid.NewGuid(), Guid.NewGuid());
        await bus.PublishAsync(new OrdersUpdated(alice.UserId,
        [
            new OrderUpdated(alice.UserId, legA, "c-1-sl", "PEP", "sell", "stop", "gtc", "accepted", 3m, null, 0m, null, null, 95m, null, "paper", now),
            new OrderUpdated(alice.UserId, legB, "c-1-tp", "PEP", "sell", "limit", "gtc", "accepted", 3m, null, 0m, null, 110m, null, null, "paper", now),
        ]));
        await bus.PublishAsync(Fill(alice.UserId, "PEP", "buy", 3m, 100m, 0m, orderId: orderId));
        // A fill carries the updates of the orders its transaction changed; they are pushed once the fill is applied.
        var (carriedOrder, carriedLeg) = (Guid.NewGuid(), Guid.NewGuid());
        await bus.PublishAsync(Fill(alice.UserId, "KO", "buy", 1m, 60m, 0m, orderId: carriedOrder) with
        {
            OrderUpdates =
            [
                new OrderUpdated(alice.UserId, carriedOrder, "c-2", "KO", "buy", "market", "day", "filled", 1m, null, 1m, 60m, null, null, null, "paper", now),
                new OrderUpdated(alice.UserId, carriedLeg, "c-2-sl", "KO", "sell", "stop", "gtc", "accepted", 1m, null, 0m, null, null, 57m, null, "paper", now),
            ],
        });
        await bus.PublishAsync(new OrderRejected(alice.UserId, Guid.NewGuid(), "PEP", "Too large", [RiskReasonCodes.MaxPosition], now));
        await bus.PublishAsync(new TradingHalted(alice.UserId, RiskReasonCodes.DailyLoss, "Day loss 5%", now, now.AddHours(1)));

        await aliceHub.WaitForAsync("orderUpdated", m => m.GetProperty("orderId").GetGuid() == orderId, "alice's order update");
        await aliceHub.WaitForAsync("orderUpdated", m => m.GetProperty("orderId").GetGuid() == legA, "alice's first leg");
        await aliceHub.WaitForAsync("orderUpdated", m => m.GetProperty("orderId").GetGuid() == legB, "alice's second leg");
        await aliceHub.WaitForAsync("orderFilled", m => m.GetProperty("symbol").GetString() == "PEP", "alice's fill");
        await aliceHub.WaitForAsync("orderUpdated", m => m.GetProperty("orderId").GetGuid() == carriedOrder && m.GetProperty("status").GetString() == "filled", "the update a fill carried");
        await aliceHub.WaitForAsync("orderUpdated", m => m.GetProperty("orderId").GetGuid() == carriedLeg, "the leg update a fill carried");
        await aliceHub.WaitForAsync("orderFilled", m => m.GetProperty("symbol").GetString() == "KO", "the fill that carried them");
        await aliceHub.WaitForAsync("portfolioUpdated", m => m.GetProperty("positions").GetArrayLength() == 2, "alice's positions");
        var rejected = await aliceHub.WaitForAsync("orderRejected", _ => true, "alice's rejection");
        rejected.GetProperty("reasonCodes")[0].GetString().ShouldBe(RiskReasonCodes.MaxPosition);
        await aliceHub.WaitForAsync("tradingHalted", m => m.GetProperty("code").GetString() == RiskReasonCodes.DailyLoss, "alice's halt");
        await bus.PricesAsync(("PEP", 101m));
        await aliceHub.WaitForAsync("quotes", m => m[0].GetProperty("symbol").GetString() == "PEP", "quotes for the held symbol");

        bobHub.Methods_.ShouldBeEmpty("nothing of Alice's reaches Bob, and Bob holds no symbol to quote");
        var bobsTrades = await gateway.JsonAsync(HttpMethod.Get, "/api/v1/portfolio/trades", bob.AccessToken);
        bobsTrades.GetProperty("total").GetInt32().ShouldBe(0);
        (await gateway.JsonAsync(HttpMethod.Get, "/api/v1/portfolio/positions", bob.AccessToken)).GetArrayLength().ShouldBe(0);
        var alicePortfolio = await gateway.JsonAsync(HttpMethod.Get, "/api/v1/portfolio", alice.AccessToken);
        using var bobReadsAlice = await gateway.SendAsync(HttpMethod.Get,
            $"/api/v1/portfolio/{alicePortfolio.GetProperty("portfolioId").GetGuid()}", bob.AccessToken);
        bobReadsAlice.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/halt", bob.AccessToken)).GetProperty("halted").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task With_two_Portfolio_instances_each_pushes_to_its_own_connections_and_a_fill_is_applied_once()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewTraderAsync();
        // No grace for the second instance: once healthy it relies on having heard from the first (which answers its
        // announcement at once), so whichever instance applies the fill must know of the other to reach its connections.
        var second = await platform.StartExtraInstanceAsync("portfolio", new Dictionary<string, string> { ["TradeNova__Portfolio__PeerGrace"] = "00:00:00" });
        await using var viaFirst = await HubProbe.ConnectAsync(platform["portfolio"].BaseAddress, user.AccessToken);
        await using var viaSecond = await HubProbe.ConnectAsync(second.BaseAddress, user.AccessToken);
        await using var bus = await TradingBus.StartAsync(platform.Infrastructure.Vhost.AmqpUri);
        var fill = Fill(user.UserId, "WMT", "buy", 2m, 50m, 0.5m);
        var published = DateTimeOffset.UtcNow;

        await bus.PublishAsync(fill);

        await viaFirst.WaitForAsync("orderFilled", m => m.GetProperty("fillId").GetGuid() == fill.FillId, "fill pushed by instance 1");
        await viaSecond.WaitForAsync("orderFilled", m => m.GetProperty("fillId").GetGuid() == fill.FillId, "fill pushed by instance 2");
        await viaFirst.WaitForAsync("portfolioUpdated", m => m.GetProperty("positions").GetArrayLength() == 1, "position pushed by instance 1");
        await viaSecond.WaitForAsync("portfolioUpdated", m => m.GetProperty("positions").GetArrayLength() == 1, "position pushed by instance 2");
        // fillApplied names the fill and when Portfolio sent it (the load driver's server-side latency ends there).
        await viaSecond.WaitForAsync("fillApplied", m => m.GetProperty("fillId").GetGuid() == fill.FillId
            && m.GetProperty("sentAt").GetDateTimeOffset() >= published.AddMilliseconds(-1)
            && m.GetProperty("sentAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow, "fillApplied pushed by instance 2");
        (await gateway.JsonAsync(HttpMethod.Get, "/api/v1/portfolio/trades", user.AccessToken)).GetProperty("total").GetInt32().ShouldBe(1);
        (await gateway.JsonAsync(HttpMethod.Get, "/api/v1/portfolio", user.AccessToken)).GetProperty("cash").GetDecimal().ShouldBe(9_899.50m);
    }

    private static string ReadShared(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task A_valuation_pass_that_leaves_a_portfolio_unchanged_writes_nothing_for_it()
    {
        using var gateway = platform.CreateGatewayClient();
        var quiet = await gateway.NewTraderAsync();
        var moving = await gateway.NewTraderAsync();
        await using var bus = await TradingBus.StartAsync(platform.Infrastructure.Vhost.AmqpUri);
        // Symbols outside the simulated universe: only the test's prices move them.
        await bus.PublishAsync(Fill(quiet.UserId, "QUIETX", "buy", 10m, 100m, 0m));
        await bus.PublishAsync(Fill(moving.UserId, "MOVEX", "buy", 10m, 100m, 0m));
        await gateway.WaitForPortfolioAsync(quiet, p => p.GetProperty("positions").GetArrayLength() == 1, "quiet bought");
        await gateway.WaitForPortfolioAsync(moving, p => p.GetProperty("positions").GetArrayLength() == 1, "moving bought");
        await bus.PricesAsync(("QUIETX", 110m), ("MOVEX", 110m));
        var stamp = await StoredValuationAsync(quiet.UserId, v => v.Equity == 10_100m, "quiet valued at 110");

        // Passes run one after another, each through every portfolio: once a later pass has revalued the moving one,
        // the pass before it has been through the quiet one too.
        foreach (var price in new[] { 120m, 130m, 140m })
        {
            await bus.PricesAsync(("MOVEX", price));
            await StoredValuationAsync(moving.UserId, v => v.Equity == 9_000m + 10m * price, $"moving valued at {price}");
        }

        var after = await StoredValuationAsync(quiet.UserId, _ => true, "quiet read back");
        after.ShouldBe(stamp, "no price of the quiet portfolio moved: its valuation and today's snapshot keep their stamps");
    }

    [Fact]
    public async Task A_fill_that_sells_out_the_portfolio_reaches_Risk_with_its_equity_by_the_next_periodic_pass()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewTraderAsync();
        await using var bus = await TradingBus.StartAsync(platform.Infrastructure.Vhost.AmqpUri);
        // A symbol outside the simulated universe, marked at its fills: bought at 100, sold at 160 (600 realized).
        await bus.PublishAsync(Fill(user.UserId, "SOLDX", "buy", 10m, 100m, 0m));
        await gateway.WaitForPortfolioAsync(user, p => p.GetProperty("positions").GetArrayLength() == 1, "bought");
        await bus.PublishAsync(Fill(user.UserId, "SOLDX", "sell", 10m, 160m, 0m));
        await gateway.WaitForPortfolioAsync(user, p => p.GetProperty("positions").GetArrayLength() == 0, "sold out");

        // The fill's own valuation went to the owner's screens only; the portfolio holds nothing the periodic pass would
        // revalue, yet the pass sends it because Risk has not had a valuation with that fill. Any price moves the pass.
        var risk = await Poll.UntilAsync(
            async () =>
            {
                await bus.PricesAsync(("AAPL", 190m + Random.Shared.Next(0, 100) / 100m));
                return await gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/limits", user.AccessToken);
            },
            r => r.GetProperty("usage").GetProperty("equity").GetDecimal() == 10_600m, Eventually, "Risk's equity with the realized gain");
        risk.GetProperty("usage").GetProperty("cash").GetDecimal().ShouldBe(10_600m);
        risk.GetProperty("usage").GetProperty("positions").GetArrayLength().ShouldBe(0);
    }

    private static OrderFilled Fill(Guid userId, string symbol, string side, decimal quantity, decimal price, decimal fee,
        DateTimeOffset? at = null, Guid? orderId = null) =>
        new(userId, orderId ?? Guid.NewGuid(), Guid.NewGuid(), symbol, side, quantity, price, fee, "paper", at ?? DateTimeOffset.UtcNow);

    private sealed record StoredValuation(decimal Equity, DateTimeOffset? ValuedAt, DateTimeOffset? SnapshotUpdatedAt);

    /// <summary>The valuation as Portfolio stored it (the API marks to the latest prices at each read).</summary>
    private Task<StoredValuation> StoredValuationAsync(Guid userId, Func<StoredValuation, bool> condition, string what) =>
        Poll.UntilAsync(async () =>
        {
            await using var connection = new NpgsqlConnection(platform.Infrastructure.Database.ConnectionStringFor("portfolio"));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                SELECT p.equity, p.valued_at, d.updated_at FROM portfolio.portfolios p
                LEFT JOIN portfolio.daily_equity d ON d.portfolio_id = p.id AND d.date = p.session_date
                WHERE p.user_id = @user AND p.mode = 'paper'
                """, connection);
            command.Parameters.AddWithValue("user", userId);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return new StoredValuation(reader.GetDecimal(0),
                reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2));
        }, condition, Eventually, what);
}
