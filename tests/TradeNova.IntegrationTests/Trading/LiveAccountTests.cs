using System.Net;
using System.Text.Json;
using TradeNova.Contracts.Execution;
using TradeNova.IntegrationTests.Infrastructure;
using TradeNova.IntegrationTests.Platform;
using static TradeNova.IntegrationTests.Trading.TradingApi;

namespace TradeNova.IntegrationTests.Trading;

/// <summary>
/// The user's live account as a portfolio of its own, reconciled to the broker: keys connected to the loopback Alpaca
/// through the gateway (Execution reports the account), or <see cref="BrokerAccountSynced"/> and fills published on the
/// real bus as Execution publishes them; everything read back through the gateway.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LiveAccountTests(PlatformFixture platform)
{
    private const string Secret = "sEcReT-live-account-5Tq";

    [Fact]
    public async Task Connected_keys_open_a_live_portfolio_equal_to_the_broker_account_and_a_change_at_the_broker_is_corrected_and_flagged()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewTraderAsync();
        var keyId = $"PKACCT{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        platform.Alpaca.Keys[keyId] = Secret;
        platform.Alpaca.SetAccount(keyId, "PA-LIVE-0001", 2_500m, ("AAPL", 10m, 40m, 50m));
        await gateway.JsonAsync(HttpMethod.Get, "/api/v1/portfolio?account=live", user.AccessToken, expected: HttpStatusCode.NotFound);
        await gateway.JsonAsync(HttpMethod.Get, "/api/v1/portfolio?account=margin", user.AccessToken, expected: HttpStatusCode.BadRequest);

        await gateway.JsonAsync(HttpMethod.Put, "/api/v1/broker/connection", user.AccessToken,
            new { broker = "alpaca", environment = "paper", keyId, secretKey = Secret });

        // The broker's account, not the paper starting cash: cash 2,500 + 10 AAPL at the broker's 50 = 3,000.
        var live = await WaitForLiveAsync(gateway, user, p => true, "live portfolio opened");
        live.GetProperty("mode").GetString().ShouldBe("live");
        live.GetProperty("cash").GetDecimal().ShouldBe(2_500m);
        live.GetProperty("equity").GetDecimal().ShouldBe(3_000m);
        var aapl = live.GetProperty("positions").EnumerateArray().Single();
        (aapl.GetProperty("symbol").GetString(), aapl.GetProperty("quantity").GetDecimal(), aapl.GetProperty("averagePrice").GetDecimal(),
            aapl.GetProperty("marketPrice").GetDecimal()).ShouldBe(("AAPL", 10m, 40m, 50m));
        var paper = await gateway.JsonAsync(HttpMethod.Get, "/api/v1/portfolio", user.AccessToken);
        paper.GetProperty("mode").GetString().ShouldBe("paper");
        paper.GetProperty("cash").GetDecimal().ShouldBe(10_000m);
        paper.GetProperty("positions").GetArrayLength().ShouldBe(0);
        (await Reconciliations(gateway, user)).GetProperty("items").GetArrayLength().ShouldBe(0, "opening from the broker is no correction");

        // Bought 8 more AAPL at 50 outside TradeNova (Alpaca's dashboard): the next report corrects the portfolio.
        platform.Alpaca.SetAccount(keyId, "PA-LIVE-0001", 2_100m, ("AAPL", 18m, 44.444444m, 50m));
        // Execution reads the positions on both sides of the account, so a report carries the cash and positions of one
        // moment; both corrections end up recorded.
        live = await WaitForLiveAsync(gateway, user,
            p => p.GetProperty("positions")[0].GetProperty("quantity").GetDecimal() == 18m && p.GetProperty("cash").GetDecimal() == 2_100m,
            "corrected to 18 AAPL and cash 2,100");
        live.GetProperty("cash").GetDecimal().ShouldBe(2_100m);
        live.GetProperty("equity").GetDecimal().ShouldBe(3_000m);
        var corrections = await Reconciliations(gateway, user);
        corrections.GetProperty("brokerAccountNumber").GetString().ShouldBe("PA-LIVE-0001");
        corrections.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("kind").GetString(), i.GetProperty("symbol").GetString(), i.GetProperty("portfolioValue").GetDecimal(), i.GetProperty("brokerValue").GetDecimal()))
            .OrderBy(i => i.Item1)
            .ShouldBe([("cash", null, 2_500m, 2_100m), ("quantity", "AAPL", 10m, 18m)]);
        await Poll.UntilAsync(() => Task.FromResult(PortfolioLogsContain($"Live portfolio of user {user.UserId} differed from the broker")),
            Eventually, "the correction logged as a warning");

        // Risk keeps the live account apart: its equity is the broker's.
        await Poll.UntilAsync(() => gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/limits?account=live", user.AccessToken),
            l => l.GetProperty("usage").GetProperty("equity").GetDecimal() == 3_000m
                 && l.GetProperty("usage").GetProperty("positions")[0].GetProperty("quantity").GetDecimal() == 18m,
            Eventually, "Risk's live read model");
        (await gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/limits", user.AccessToken))
            .GetProperty("usage").GetProperty("equity").GetDecimal().ShouldBe(10_000m);
    }

    [Fact]
    public async Task A_live_fill_moves_the_live_portfolio_only_and_a_paper_fill_the_paper_one_only()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewTraderAsync();
        await using var bus = await TradingBus.StartAsync(platform.Infrastructure.Vhost.AmqpUri);
        await bus.PublishAsync(Report(user, 5_000m, DateTimeOffset.UtcNow.AddMinutes(-1)));
        await WaitForLiveAsync(gateway, user, p => p.GetProperty("cash").GetDecimal() == 5_000m, "live portfolio opened");

        await bus.PublishAsync(Fill(user, "live", "KOL", 10m, 100m, 1m));
        var live = await WaitForLiveAsync(gateway, user, p => p.GetProperty("positions").GetArrayLength() == 1, "live fill applied");
        live.GetProperty("cash").GetDecimal().ShouldBe(5_000m - 1_000m - 1m);
        live.GetProperty("fees").GetDecimal().ShouldBe(1m);
        var paper = await gateway.JsonAsync(HttpMethod.Get, "/api/v1/portfolio", user.AccessToken);
        paper.GetProperty("cash").GetDecimal().ShouldBe(10_000m);
        paper.GetProperty("positions").GetArrayLength().ShouldBe(0);

        await bus.PublishAsync(Fill(user, "paper", "KOP", 2m, 50m, 0m));
        paper = await gateway.WaitForPortfolioAsync(user, p => p.GetProperty("positions").GetArrayLength() == 1, "paper fill applied");
        paper.GetProperty("cash").GetDecimal().ShouldBe(10_000m - 100m);
        paper.GetProperty("positions")[0].GetProperty("symbol").GetString().ShouldBe("KOP");
        live = await gateway.JsonAsync(HttpMethod.Get, "/api/v1/portfolio?account=live", user.AccessToken);
        live.GetProperty("cash").GetDecimal().ShouldBe(3_999m);
        live.GetProperty("positions").EnumerateArray().Select(p => p.GetProperty("symbol").GetString()).ShouldBe(["KOL"]);

        var liveTrades = await gateway.JsonAsync(HttpMethod.Get, "/api/v1/portfolio/trades?account=live", user.AccessToken);
        liveTrades.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("symbol").GetString()).ShouldBe(["KOL"]);
        var paperTrades = await gateway.JsonAsync(HttpMethod.Get, "/api/v1/portfolio/trades", user.AccessToken);
        paperTrades.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("symbol").GetString()).ShouldBe(["KOP"]);
        var csv = await (await gateway.SendAsync(HttpMethod.Get, "/api/v1/portfolio/trades.csv?account=live", user.AccessToken))
            .Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        csv.ShouldContain("KOL");
        csv.ShouldNotContain("KOP");
    }

    [Fact]
    public async Task The_same_broker_report_delivered_twice_changes_nothing()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewTraderAsync();
        await using var bus = await TradingBus.StartAsync(platform.Infrastructure.Vhost.AmqpUri);
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        await bus.PublishAsync(Report(user, 1_000m, start));
        await WaitForLiveAsync(gateway, user, p => true, "live portfolio opened");

        var changed = Report(user, 900m, start.AddMinutes(1), new BrokerPosition("KOD", 1m, 100m, 100m));
        var messageId = Guid.NewGuid();
        await bus.PublishAsync(changed, messageId);
        await WaitForLiveAsync(gateway, user, p => p.GetProperty("cash").GetDecimal() == 900m, "first report applied");
        await bus.PublishAsync(changed, messageId);            // a redelivery: same message id
        await bus.PublishAsync(changed, Guid.NewGuid());       // the same report again under a new message id
        await Poll.UntilAsync(() => Task.FromResult(PortfolioLogsContain($"Message {messageId} already applied")),
            Eventually, "the redelivery acknowledged as a duplicate");
        // A later report that differs only in cash: once it shows, the duplicate ahead of it has been consumed too.
        await bus.PublishAsync(Report(user, 950m, start.AddMinutes(2), new BrokerPosition("KOD", 1m, 100m, 100m)));
        var live = await WaitForLiveAsync(gateway, user, p => p.GetProperty("cash").GetDecimal() == 950m, "later report applied");

        live.GetProperty("positions").EnumerateArray().Single().GetProperty("quantity").GetDecimal().ShouldBe(1m);
        var corrections = (await Reconciliations(gateway, user)).GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("kind").GetString(), i.GetProperty("brokerValue").GetDecimal())).ToList();
        corrections.OrderBy(c => c.Item1).ThenBy(c => c.Item2).ShouldBe([("cash", 900m), ("cash", 950m), ("quantity", 1m)]);
    }

    [Fact]
    public async Task A_live_order_is_checked_against_the_live_equity_while_the_same_order_passes_on_the_larger_paper_account()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewTraderAsync();
        await using var bus = await TradingBus.StartAsync(platform.Infrastructure.Vhost.AmqpUri);
        // Outside the simulated universe, so the feed cannot move its price away from the test's 100.
        await bus.PricesAsync(("LVQ", 100m));
        await bus.PublishAsync(Report(user, 5_000m, DateTimeOffset.UtcNow.AddMinutes(-1)));
        await WaitForRiskLiveAsync(gateway, user, l => l.GetProperty("usage").GetProperty("equity").GetDecimal() == 5_000m, "Risk knows the live equity");

        // 5.5 × 100 = 550: 11% of the live 5,000, 5.5% of the paper 10,000.
        var live = await Poll.UntilAsync(() => bus.CheckAsync(Buy(user.UserId, "LVQ", 5.5m, 100m) with { Mode = "live" }),
            r => !r.Codes().Contains("risk.unknown_symbol"), Eventually, "LVQ known to Risk");
        var paper = await bus.CheckAsync(Buy(user.UserId, "LVQ", 5.5m, 100m));

        live.Approved.ShouldBeFalse();
        live.Codes().ShouldBe(["risk.max_position"]);
        paper.Approved.ShouldBeTrue();
        var preview = await gateway.JsonAsync(HttpMethod.Post, "/api/v1/risk/preview?account=live", user.AccessToken,
            new { symbol = "LVQ", side = "buy", quantity = 5.5m });
        preview.GetProperty("approved").GetBoolean().ShouldBeFalse();
        (await gateway.JsonAsync(HttpMethod.Post, "/api/v1/risk/preview", user.AccessToken,
            new { symbol = "LVQ", side = "buy", quantity = 5.5m })).GetProperty("approved").GetBoolean().ShouldBeTrue();
        await gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/limits?account=demo", user.AccessToken, expected: HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_live_drawdown_halt_does_not_halt_paper_and_the_kill_switch_halts_both()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewTraderAsync();
        var admin = await gateway.PromoteToAdminAsync(platform, await gateway.NewUserAsync());
        await using var bus = await TradingBus.StartAsync(platform.Infrastructure.Vhost.AmqpUri);
        await bus.PricesAsync(("LVD", 10m));
        var start = DateTimeOffset.UtcNow.AddMinutes(-2);
        await bus.PublishAsync(Report(user, 1_000m, start));
        await WaitForRiskLiveAsync(gateway, user, l => l.GetProperty("usage").GetProperty("equity").GetDecimal() == 1_000m, "live equity 1,000");

        // The broker reports 800: 20% below the live peak, past the 15% drawdown limit.
        await bus.PublishAsync(Report(user, 800m, start.AddMinutes(1)));
        var liveHalt = await Poll.UntilAsync(() => gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/halt?account=live", user.AccessToken),
            h => h.GetProperty("halted").GetBoolean(), Eventually, "live halted");
        liveHalt.GetProperty("halts").EnumerateArray().Select(h => h.GetProperty("code").GetString()).ShouldContain("risk.drawdown_halt");
        (await gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/halt", user.AccessToken)).GetProperty("halted").GetBoolean().ShouldBeFalse();
        var liveCheck = await Poll.UntilAsync(() => bus.CheckAsync(Buy(user.UserId, "LVD", 1m, 10m) with { Mode = "live" }),
            r => !r.Codes().Contains("risk.unknown_symbol"), Eventually, "LVD known to Risk");
        liveCheck.Codes().ShouldContain("risk.drawdown_halt");
        (await bus.CheckAsync(Buy(user.UserId, "LVD", 1m, 10m))).Approved.ShouldBeTrue("paper is not halted by the live drawdown");

        await gateway.JsonAsync(HttpMethod.Post, "/api/v1/risk/admin/kill-switch", admin.AccessToken, new { reason = "broker incident" },
            HttpStatusCode.NoContent);
        try
        {
            (await bus.CheckAsync(Buy(user.UserId, "LVD", 1m, 10m))).Codes().ShouldBe(["risk.halted"]);
            (await bus.CheckAsync(Buy(user.UserId, "LVD", 1m, 10m) with { Mode = "live" })).Codes().ShouldContain("risk.halted");
            var paperHalt = await gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/halt", user.AccessToken);
            paperHalt.GetProperty("halts").EnumerateArray().Select(h => h.GetProperty("code").GetString()).ShouldBe(["risk.kill_switch"]);
        }
        finally
        {
            await gateway.JsonAsync(HttpMethod.Delete, "/api/v1/risk/admin/kill-switch", admin.AccessToken, expected: HttpStatusCode.NoContent);
        }

        // The user acknowledges the live drawdown halt; live trades again.
        await gateway.JsonAsync(HttpMethod.Post, "/api/v1/risk/resume?account=live", user.AccessToken, new { reason = "seen" });
        (await gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/halt?account=live", user.AccessToken)).GetProperty("halts").EnumerateArray()
            .Select(h => h.GetProperty("code").GetString()).ShouldNotContain("risk.drawdown_halt");
    }

    private static BrokerAccountSynced Report(PlatformUser user, decimal cash, DateTimeOffset asOf, params BrokerPosition[] positions) =>
        new(user.UserId, "PA-BUS-0001", cash, cash + positions.Sum(p => p.MarketValue), positions, asOf, "paper");

    private static OrderFilled Fill(PlatformUser user, string mode, string symbol, decimal quantity, decimal price, decimal fee) =>
        new(user.UserId, Guid.NewGuid(), Guid.NewGuid(), symbol, "buy", quantity, price, fee, mode, DateTimeOffset.UtcNow);

    private static Task<JsonElement> WaitForLiveAsync(HttpClient gateway, PlatformUser user, Func<JsonElement, bool> condition, string what) =>
        Poll.UntilAsync(
            async () =>
            {
                using var response = await gateway.SendAsync(HttpMethod.Get, "/api/v1/portfolio?account=live", user.AccessToken);
                var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                return response.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(text).RootElement.Clone() : default;
            },
            p => p.ValueKind == JsonValueKind.Object && condition(p),
            Eventually,
            what);

    private static Task<JsonElement> WaitForRiskLiveAsync(HttpClient gateway, PlatformUser user, Func<JsonElement, bool> condition, string what) =>
        Poll.UntilAsync(() => gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/limits?account=live", user.AccessToken), condition, Eventually, what);

    private static Task<JsonElement> Reconciliations(HttpClient gateway, PlatformUser user) =>
        gateway.JsonAsync(HttpMethod.Get, "/api/v1/portfolio/reconciliations?account=live", user.AccessToken);

    private bool PortfolioLogsContain(string text) =>
        Directory.GetFiles(platform.OutputDirectory, "portfolio*.log").Any(log =>
        {
            using var reader = new StreamReader(new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return reader.ReadToEnd().Contains(text, StringComparison.Ordinal);
        });
}
