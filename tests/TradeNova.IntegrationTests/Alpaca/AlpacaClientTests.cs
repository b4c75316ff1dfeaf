using TradeNova.Execution.Brokers.Alpaca;
using TradeNova.Execution.Brokers.Alpaca.Dto;

namespace TradeNova.IntegrationTests.Alpaca;

public sealed class AlpacaClientTests : IAsyncLifetime
{
    private FakeAlpacaServer _server = null!;
    private AlpacaTestClients _clients = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeAlpacaServer.StartAsync((AlpacaTestClients.KeyId, AlpacaTestClients.Secret), ("PKSECONDCONNECTION01", "other-secret-0001"));
        _clients = new AlpacaTestClients(_server);
    }

    public async ValueTask DisposeAsync()
    {
        _clients.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Account_is_read_with_both_key_headers_despite_unknown_fields_and_the_retired_day_trader_fields()
    {
        var account = await _clients.Create().GetAccountAsync(Ct);

        account.AccountNumber.ShouldBe(FakeAlpacaServer.AccountNumber);
        (account.Equity, account.Cash, account.Multiplier).ShouldBe((103820.56m, -23140.2m, 4m));
        account.PatternDayTrader.ShouldBeNull();
        account.DaytradeCount.ShouldBeNull();
        _server.RequestsTo("GET", "/v2/account").Single().KeyId.ShouldBe(AlpacaTestClients.KeyId);
        _server.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Bracket_order_is_posted_as_documented_and_found_again_by_client_order_id()
    {
        var client = _clients.Create();
        var clientOrderId = Guid.NewGuid().ToString();

        var placed = await client.SubmitOrderAsync(new AlpacaOrderRequest
        {
            Symbol = "AAPL", Qty = 2m, Side = "buy", Type = "limit", TimeInForce = "gtc", LimitPrice = 189.5m, ClientOrderId = clientOrderId,
            OrderClass = AlpacaOrderClasses.Bracket, TakeProfit = new AlpacaTakeProfit(208.45m), StopLoss = new AlpacaStopLoss(180.03m, 179.9m),
        }, Ct);
        var found = await client.GetOrderByClientOrderIdAsync(clientOrderId, Ct);

        var body = _server.RequestsTo("POST", "/v2/orders").Single().Json;
        body.ToJsonString().ShouldBe($$$"""{"symbol":"AAPL","qty":"2","side":"buy","type":"limit","time_in_force":"gtc","limit_price":"189.5","client_order_id":"{{{clientOrderId}}}","order_class":"bracket","take_profit":{"limit_price":"208.45"},"stop_loss":{"stop_price":"180.03","limit_price":"179.9"}}""");
        placed.Legs!.Count.ShouldBe(2);
        found!.Id.ShouldBe(placed.Id);
        _server.RequestsTo("GET", "/v2/orders:by_client_order_id").Single().Query["client_order_id"].ShouldBe(clientOrderId);
        (await client.GetOrderByClientOrderIdAsync("never-placed", Ct)).ShouldBeNull();
        _server.Violations.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("oco")]
    [InlineData("oto")]
    public async Task Oco_and_oto_orders_carry_the_legs_the_docs_ask_for(string orderClass)
    {
        await _clients.Create().SubmitOrderAsync(new AlpacaOrderRequest
        {
            Symbol = "MSFT", Qty = 5m, Side = orderClass == "oco" ? "sell" : "buy", Type = "limit", TimeInForce = "gtc", LimitPrice = 420m,
            ClientOrderId = Guid.NewGuid().ToString(), OrderClass = orderClass, TakeProfit = orderClass == "oco" ? new AlpacaTakeProfit(450m) : null,
            StopLoss = new AlpacaStopLoss(400m),
        }, Ct);

        _server.RequestsTo("POST", "/v2/orders").Single().Json["order_class"]!.GetValue<string>().ShouldBe(orderClass);
        _server.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Orders_positions_activities_clock_and_calendar_use_the_documented_paths()
    {
        var client = _clients.Create();
        var placed = await client.SubmitOrderAsync(new AlpacaOrderRequest
        {
            Symbol = "AAPL", Qty = 1m, Side = "buy", Type = "limit", TimeInForce = "day", LimitPrice = 150m, ClientOrderId = "tn-paths-1",
        }, Ct);

        var listed = await client.ListOrdersAsync(new AlpacaOrderQuery { Status = "all", Limit = 500, Nested = true, Symbols = ["AAPL", "MSFT"] }, Ct);
        var replaced = await client.ReplaceOrderAsync(placed.Id, new AlpacaReplaceOrderRequest { LimitPrice = 151.25m, ClientOrderId = "tn-paths-2" }, Ct);
        await client.CancelOrderAsync(replaced.Id, Ct);
        var byId = await client.GetOrderAsync(replaced.Id, Ct);
        var positions = await client.ListPositionsAsync(Ct);
        var aapl = await client.GetPositionAsync("AAPL", Ct);
        var none = await client.GetPositionAsync("TSLA", Ct);
        var activities = await client.ListActivitiesAsync(new AlpacaActivityQuery { ActivityTypes = ["FILL", "DIV"], PageSize = 100 }, Ct);
        var clock = await client.GetClockAsync(Ct);
        var calendar = await client.GetCalendarAsync(new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 30), Ct);

        listed.Single().ClientOrderId.ShouldBe("tn-paths-1");
        _server.RequestsTo("GET", "/v2/orders").Single().Query.ShouldBe(new Dictionary<string, string>
        {
            ["status"] = "all", ["limit"] = "500", ["nested"] = "true", ["symbols"] = "AAPL,MSFT",
        }, ignoreOrder: true);
        _server.RequestsTo("PATCH", $"/v2/orders/{placed.Id}").Single().Json.ToJsonString().ShouldBe("""{"limit_price":"151.25","client_order_id":"tn-paths-2"}""");
        (replaced.Replaces, replaced.LimitPrice).ShouldBe((placed.Id, 151.25m));
        _server.RequestsTo("DELETE", $"/v2/orders/{replaced.Id}").Count.ShouldBe(1);
        byId.Status.ShouldBe("pending_cancel");
        (positions.Single().Qty, aapl!.AvgEntryPrice, none).ShouldBe((10m, 180.25m, (AlpacaPosition?)null));
        activities.Select(a => (a.ActivityType, a.Qty)).ShouldBe([("FILL", 1m), ("DIV", 4.63m)]);
        _server.RequestsTo("GET", "/v2/account/activities").Single().Query["activity_types"].ShouldBe("FILL,DIV");
        clock.IsOpen.ShouldBeTrue();
        calendar.Select(d => (d.Date, d.Close)).ShouldBe([(new DateOnly(2026, 11, 27), "13:00"), (new DateOnly(2026, 11, 30), "16:00")]);
        _server.RequestsTo("GET", "/v2/calendar").Single().Query.ShouldBe(new Dictionary<string, string> { ["start"] = "2026-11-27", ["end"] = "2026-11-30" }, ignoreOrder: true);
        _server.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Latest_quotes_and_bars_are_read_from_market_data_v2_page_after_page()
    {
        var client = _clients.Create();

        var quotes = await client.GetLatestQuotesAsync(["AAPL", "MSFT"], Ct);
        var bars = await client.GetBarsAsync(new AlpacaBarsQuery { Symbols = ["AAPL"], Timeframe = "1Day", Start = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero) }, Ct)
            .ToListAsync(Ct);

        (quotes["AAPL"].BidPrice, quotes["AAPL"].AskPrice, quotes["MSFT"].AskSize).ShouldBe((189.5m, 189.53m, 1m));
        bars.Select(b => (b.Symbol, b.Bar.Close)).ShouldBe([("AAPL", 189.9m), ("AAPL", 190.5m)]);
        var pages = _server.RequestsTo("GET", "/v2/stocks/bars");
        pages.Select(p => p.Query.GetValueOrDefault("page_token")).ShouldBe([null, "QUFQTHxEfDIwMjYtMTEtMjc="]);
        pages[0].Query["timeframe"].ShouldBe("1Day");
        pages[0].Query["feed"].ShouldBe("iex");
        _server.RequestsTo("GET", "/v2/stocks/quotes/latest").Single().Query["symbols"].ShouldBe("AAPL,MSFT");
    }

    [Theory]
    [InlineData(403, """{"code":40310000,"message":"insufficient buying power"}""", AlpacaErrorKind.Forbidden, 40310000L)]
    [InlineData(422, """{"code":40010001,"message":"qty must be > 0"}""", AlpacaErrorKind.Unprocessable, 40010001L)]
    [InlineData(429, """{"code":42910000,"message":"rate limit exceeded"}""", AlpacaErrorKind.RateLimited, 42910000L)]
    public async Task Refused_order_is_a_typed_error_and_is_sent_exactly_once(int status, string body, AlpacaErrorKind kind, long code)
    {
        _server.Script(new ScriptedResponse("POST", "/v2/orders", status, body));

        var error = await Should.ThrowAsync<AlpacaApiException>(() => _clients.Create().SubmitOrderAsync(Order("tn-refused"), Ct));

        (error.Kind, (int?)error.Status, error.AlpacaCode).ShouldBe((kind, (int?)status, (long?)code));
        error.Message.ShouldBe(System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("message").GetString());
        _server.RequestsTo("POST", "/v2/orders").Count.ShouldBe(1);
        _server.RequestsTo("GET", "/v2/orders:by_client_order_id").ShouldBeEmpty();
    }

    [Fact]
    public async Task Rate_limited_read_is_retried_and_then_succeeds()
    {
        _server.Script(new ScriptedResponse("GET", "/v2/clock", 429, """{"code":42910000,"message":"rate limit exceeded"}"""));

        var clock = await _clients.Create().GetClockAsync(Ct);

        clock.IsOpen.ShouldBeTrue();
        _server.RequestsTo("GET", "/v2/clock").Count.ShouldBe(2);
    }

    [Fact]
    public async Task Timed_out_order_post_is_resolved_by_lookup_and_never_sent_again()
    {
        _server.OrderPostDelay = TimeSpan.FromSeconds(5);

        var order = await _clients.Create().SubmitOrderAsync(Order("tn-timeout-1"), Ct);

        order.ClientOrderId.ShouldBe("tn-timeout-1");
        order.Status.ShouldBe("accepted");
        _server.RequestsTo("POST", "/v2/orders").Count.ShouldBe(1);
        _server.RequestsTo("GET", "/v2/orders:by_client_order_id").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Timed_out_order_post_that_alpaca_never_booked_is_unconfirmed_not_resent()
    {
        _server.OrderPostDelay = TimeSpan.FromSeconds(5);
        _server.BookDelayedOrders = false;

        var error = await Should.ThrowAsync<AlpacaApiException>(() => _clients.Create().SubmitOrderAsync(Order("tn-timeout-2"), Ct));

        error.Kind.ShouldBe(AlpacaErrorKind.SubmissionUnconfirmed);
        _server.RequestsTo("POST", "/v2/orders").Count.ShouldBe(1);
        _server.RequestsTo("GET", "/v2/orders:by_client_order_id").Count.ShouldBe(3);
    }

    [Fact]
    public async Task Requests_beyond_the_per_key_limit_fail_without_reaching_alpaca_and_other_keys_are_unaffected()
    {
        using var clients = new AlpacaTestClients(_server, new Dictionary<string, string?>
        {
            ["TradeNova:Alpaca:RequestsPerMinute"] = "3", ["TradeNova:Alpaca:RateLimitQueue"] = "0",
        });
        var client = clients.Create();
        for (var i = 0; i < 3; i++)
        {
            await client.GetClockAsync(Ct);
        }

        var error = await Should.ThrowAsync<AlpacaApiException>(() => client.GetClockAsync(Ct));
        await clients.Create(new AlpacaCredentials("PKSECONDCONNECTION01", "other-secret-0001", paper: true)).GetClockAsync(Ct);

        error.Kind.ShouldBe(AlpacaErrorKind.RateLimited);
        _server.RequestsTo("GET", "/v2/clock").Select(r => r.KeyId).ShouldBe([.. Enumerable.Repeat(AlpacaTestClients.KeyId, 3), "PKSECONDCONNECTION01"]);
    }

    [Fact]
    public async Task Circuit_breaker_opens_for_the_failing_connection_only()
    {
        using var clients = new AlpacaTestClients(_server, new Dictionary<string, string?>
        {
            ["TradeNova:Alpaca:ReadRetries"] = "0", ["TradeNova:Alpaca:BreakerMinimumThroughput"] = "4", ["TradeNova:Alpaca:BreakerFailureRatio"] = "0.5",
        });
        for (var i = 0; i < 4; i++)
        {
            _server.Script(new ScriptedResponse("GET", "/v2/account", 503, """{"message":"service unavailable"}"""));
        }

        var failing = clients.Create();
        for (var i = 0; i < 4; i++)
        {
            (await Should.ThrowAsync<AlpacaApiException>(() => failing.GetAccountAsync(Ct))).Kind.ShouldBe(AlpacaErrorKind.Unavailable);
        }

        var open = await Should.ThrowAsync<AlpacaApiException>(() => failing.GetAccountAsync(Ct));
        var other = await clients.Create(new AlpacaCredentials("PKSECONDCONNECTION01", "other-secret-0001", paper: true)).GetAccountAsync(Ct);

        open.InnerException.ShouldBeOfType<Polly.CircuitBreaker.BrokenCircuitException>();
        other.AccountNumber.ShouldBe(FakeAlpacaServer.AccountNumber);
        _server.RequestsTo("GET", "/v2/account").Count(r => r.KeyId == AlpacaTestClients.KeyId).ShouldBe(4);
    }

    [Fact]
    public async Task Wrong_keys_are_unauthorized()
    {
        var error = await Should.ThrowAsync<AlpacaApiException>(() =>
            _clients.Create(new AlpacaCredentials(AlpacaTestClients.KeyId, "wrong-secret", paper: false)).GetAccountAsync(Ct));

        error.Kind.ShouldBe(AlpacaErrorKind.Unauthorized);
        error.Message.ShouldNotContain("wrong-secret");
    }

    private static AlpacaOrderRequest Order(string clientOrderId) => new()
    {
        Symbol = "AAPL", Qty = 1m, Side = "buy", Type = "market", TimeInForce = "day", ClientOrderId = clientOrderId,
    };
}
