using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace TradeNova.IntegrationTests.Alpaca;

public sealed partial class FakeAlpacaServer
{
    public const string AccountJson = """
        {"id":"904837e3-3b76-47ec-b432-046db621571b","account_number":"PA3NOVA1TEST","status":"ACTIVE","crypto_status":"ACTIVE",
         "currency":"USD","buying_power":"262113.632","regt_buying_power":"262113.632","non_marginable_buying_power":"131056.81",
         "cash":"-23140.2","portfolio_value":"103820.56","equity":"103820.56","last_equity":"103529.24","long_market_value":"126960.76",
         "short_market_value":"0","initial_margin":"63480.38","maintenance_margin":"38088.228","multiplier":"4","trading_blocked":false,
         "transfers_blocked":false,"account_blocked":false,"created_at":"2019-06-12T22:47:07.99658Z","trade_suspended_by_user":false,
         "shorting_enabled":true,"sma":"0","options_trading_level":2,"a_field_alpaca_added_later":{"nested":[1,2,3]}}
        """;

    private async Task RouteAsync(HttpContext context, string? body)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value!;
        var query = context.Request.Query;
        switch (method, path)
        {
            case ("GET", "/v2/account"):
                await WriteAsync(context, 200, TryOwnAccount(context, out var ownAccount, out _) ? ownAccount : AccountJson);
                return;
            case ("POST", "/v2/orders"):
                await SubmitAsync(context, body);
                return;
            case ("GET", "/v2/orders:by_client_order_id"):
                await WriteOrderAsync(context, Orders.GetValueOrDefault(query["client_order_id"].ToString()));
                return;
            case ("GET", "/v2/orders"):
                await WriteAsync(context, 200, new JsonArray([.. Orders.Values.Select(o => (JsonNode)o.DeepClone())]).ToJsonString());
                return;
            case ("GET", "/v2/positions"):
                await WriteAsync(context, 200, TryOwnAccount(context, out _, out var ownPositions) ? ownPositions : $"[{PositionJson}]");
                return;
            case ("GET", "/v2/positions/AAPL"):
                await WriteAsync(context, 200, PositionJson);
                return;
            case ("GET", "/v2/account/activities"):
                await WriteAsync(context, 200, """
                    [{"id":"20220202135509981::2d8be8b2-a1e5-4d3b-a5f5-1e5d8f0b1d6c","activity_type":"FILL","transaction_time":"2022-02-02T18:55:09.981Z",
                      "type":"partial_fill","price":"173.51","qty":"1","side":"buy","symbol":"AAPL","leaves_qty":"1","order_id":"61e69015-8549-4bfd-b9c3-000000000001",
                      "cum_qty":"1","order_status":"partially_filled"},
                     {"id":"20220203000000000::8efc7b9a-8b2b-4000-9955-d36e7db0df74","activity_type":"DIV","date":"2022-02-03","net_amount":"1.02",
                      "description":"Cash DIV @ 0.22","status":"executed","symbol":"AAPL","qty":"4.63","per_share_amount":"0.22"}]
                    """);
                return;
            case ("GET", "/v2/clock"):
                await WriteAsync(context, 200, """{"timestamp":"2026-12-01T10:30:00.123-05:00","is_open":true,"next_open":"2026-12-02T09:30:00-05:00","next_close":"2026-12-01T16:00:00-05:00"}""");
                return;
            case ("GET", "/v2/calendar"):
                await WriteAsync(context, 200, """
                    [{"date":"2026-11-27","open":"09:30","close":"13:00","session_open":"0400","session_close":"2000","settlement_date":"2026-12-01"},
                     {"date":"2026-11-30","open":"09:30","close":"16:00","session_open":"0400","session_close":"2000","settlement_date":"2026-12-02"}]
                    """);
                return;
            case ("GET", "/v2/stocks/quotes/latest"):
                await WriteAsync(context, 200, """
                    {"quotes":{"AAPL":{"t":"2026-12-01T15:59:59.870Z","ax":"V","ap":189.53,"as":3,"bx":"V","bp":189.5,"bs":2,"c":["R"],"z":"C"},
                               "MSFT":{"t":"2026-12-01T15:59:59.701Z","ax":"V","ap":412.1,"as":1,"bx":"V","bp":412.02,"bs":4,"c":["R"],"z":"C"}}}
                    """);
                return;
            case ("GET", "/v2/stocks/bars") when await TryWritePlayedBarsAsync(context):
                return;
            case ("GET", "/v2/stocks/bars"):
                await WriteAsync(context, 200, query["page_token"].ToString() switch
                {
                    "" => """{"bars":{"AAPL":[{"t":"2026-11-27T05:00:00Z","o":188.1,"h":190.2,"l":187.9,"c":189.9,"v":40123456,"n":501234,"vw":189.1}]},"next_page_token":"QUFQTHxEfDIwMjYtMTEtMjc="}""",
                    "QUFQTHxEfDIwMjYtMTEtMjc=" => """{"bars":{"AAPL":[{"t":"2026-11-30T05:00:00Z","o":189.9,"h":191.0,"l":189.0,"c":190.5,"v":38123456,"n":480000,"vw":190.2}]},"next_page_token":null}""",
                    _ => """{"code":42210000,"message":"invalid page token"}""",
                });
                return;
        }

        if (path.StartsWith("/v2/orders/", StringComparison.Ordinal))
        {
            var id = path["/v2/orders/".Length..];
            var order = Orders.Values.FirstOrDefault(o => o["id"]!.GetValue<string>() == id);
            switch (method)
            {
                case "GET":
                    await WriteOrderAsync(context, order);
                    return;
                case "DELETE" when order is null:
                    await WriteAsync(context, 404, """{"code":40410000,"message":"order not found"}""");
                    return;
                case "DELETE":
                    CancelRequests.Enqueue(id);
                    order["status"] = "pending_cancel";
                    await WriteAsync(context, 204, "");
                    return;
                case "PATCH" when order is not null && ScriptedReplaceRefusal:
                    await WriteAsync(context, 422, """{"code":42210000,"message":"order is not replaceable: already filled"}""");
                    return;
                case "PATCH" when order is not null:
                    var replacement = NewOrder(MergeReplacement(order, JsonNode.Parse(body ?? "{}")!.AsObject()));
                    replacement["replaces"] = order["id"]!.DeepClone();
                    order["status"] = "replaced";
                    order["replaced_by"] = replacement["id"]!.DeepClone();
                    Orders[replacement["client_order_id"]!.GetValue<string>()] = replacement;
                    OrderOwners[replacement["client_order_id"]!.GetValue<string>()] = (string)context.Items[KeyItem]!;
                    await WriteAsync(context, 200, replacement.ToJsonString());
                    return;
            }
        }

        if (path.StartsWith("/v2/positions/", StringComparison.Ordinal))
        {
            await WriteAsync(context, 404, """{"code":40410000,"message":"position does not exist"}""");
            return;
        }

        Violations.Enqueue($"{method} {path}: not a documented Alpaca endpoint");
        await WriteAsync(context, 404, """{"code":40410000,"message":"endpoint not found"}""");
    }

    private const string PositionJson = """
        {"asset_id":"b0b6dd9d-8b9b-48a9-ba46-b9d54906e415","symbol":"AAPL","exchange":"NASDAQ","asset_class":"us_equity","asset_marginable":true,
         "qty":"10","avg_entry_price":"180.25","side":"long","market_value":"1895.3","cost_basis":"1802.5","unrealized_pl":"92.8",
         "unrealized_plpc":"0.0514840499306519","unrealized_intraday_pl":"3.1","unrealized_intraday_plpc":"0.0016","current_price":"189.53",
         "lastday_price":"189.22","change_today":"0.0016","qty_available":"10"}
        """;

    private async Task SubmitAsync(HttpContext context, string? body)
    {
        var order = JsonNode.Parse(body ?? "{}")!.AsObject();
        CheckOrderBody(order);
        var clientOrderId = order["client_order_id"]?.GetValue<string>() ?? Guid.NewGuid().ToString();
        if (Orders.ContainsKey(clientOrderId))
        {
            await WriteAsync(context, 422, """{"code":40010001,"message":"client_order_id must be unique"}""");
            return;
        }

        var booked = NewOrder(order);
        OrderOwners[clientOrderId] = (string)context.Items[KeyItem]!;
        RegisterLegs(booked, (string)context.Items[KeyItem]!);
        if (OrderPostDelay > TimeSpan.Zero)
        {
            if (BookDelayedOrders)
            {
                Orders[clientOrderId] = booked;
            }

            await DelayAsync(OrderPostDelay, context.RequestAborted);
        }
        else
        {
            Orders[clientOrderId] = booked;
        }

        await WriteAsync(context, 200, booked.ToJsonString());
    }

    /// <summary>The documented rules of an order body that a client can get wrong.</summary>
    private void CheckOrderBody(JsonObject order)
    {
        foreach (var field in new[] { "symbol", "side", "type", "time_in_force" })
        {
            if (order[field] is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            {
                Violations.Enqueue($"POST /v2/orders: {field} missing or not a string");
            }
        }

        if (order["qty"] is null == order["notional"] is null)
        {
            Violations.Enqueue("POST /v2/orders: exactly one of qty and notional is required");
        }

        foreach (var number in new[] { "qty", "notional", "limit_price", "stop_price", "trail_price", "trail_percent" })
        {
            if (order[number] is JsonValue value && value.GetValueKind() != JsonValueKind.String)
            {
                Violations.Enqueue($"POST /v2/orders: {number} should be a string as in the docs");
            }
        }

        var orderClass = order["order_class"]?.GetValue<string>() ?? "simple";
        var hasTakeProfit = order["take_profit"]?["limit_price"] is not null;
        var hasStopLoss = order["stop_loss"]?["stop_price"] is not null;
        var legsMatch = orderClass switch
        {
            "bracket" or "oco" => hasTakeProfit && hasStopLoss,
            "oto" => hasTakeProfit != hasStopLoss,
            _ => true,
        };
        if (orderClass is not ("simple" or "bracket" or "oco" or "oto"))
        {
            Violations.Enqueue($"POST /v2/orders: unknown order_class {orderClass}");
        }

        if (!legsMatch)
        {
            Violations.Enqueue($"POST /v2/orders: {orderClass} legs do not match the docs");
        }

        if (orderClass == "oco" && order["type"]?.GetValue<string>() != "limit")
        {
            Violations.Enqueue("POST /v2/orders: an oco order is of type limit");
        }
    }

    private static JsonObject MergeReplacement(JsonObject original, JsonObject patch)
    {
        var merged = (JsonObject)original.DeepClone();
        merged["client_order_id"] = patch["client_order_id"]?.DeepClone() ?? Guid.NewGuid().ToString();
        foreach (var field in new[] { "qty", "time_in_force", "limit_price", "stop_price" })
        {
            if (patch[field] is { } value)
            {
                merged[field] = value.DeepClone();
            }
        }

        return merged;
    }

    private static Task WriteOrderAsync(HttpContext context, JsonObject? order) =>
        order is null
            ? WriteAsync(context, 404, """{"code":40410000,"message":"order not found"}""")
            : WriteAsync(context, 200, order.ToJsonString());

    /// <summary>The trading stream: auth, listen, then whatever the test sends, until it drops the connection.</summary>
    private async Task StreamAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var aborted = context.RequestAborted;
        var auth = await ReadJsonAsync(socket, aborted);
        var key = auth?["key"]?.GetValue<string>();
        var authorized = auth?["action"]?.GetValue<string>() == "auth" && key is not null && Keys.TryGetValue(key, out var secret)
                         && secret == auth?["secret"]?.GetValue<string>();
        if (auth?["action"]?.GetValue<string>() != "auth")
        {
            Violations.Enqueue("stream: the first message is not {\"action\":\"auth\",...}");
        }

        await SendAsync(socket, $$$"""{"stream":"authorization","data":{"action":"authenticate","status":"{{{(authorized ? "authorized" : "unauthorized")}}}"}}""", aborted);
        if (!authorized)
        {
            await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "unauthorized", aborted);
            return;
        }

        var listen = await ReadJsonAsync(socket, aborted);
        var streams = listen?["data"]?["streams"]?.AsArray().Select(s => s?.GetValue<string>()).ToList() ?? [];
        if (listen?["action"]?.GetValue<string>() != "listen" || !streams.Contains("trade_updates"))
        {
            Violations.Enqueue("stream: the second message is not a listen to trade_updates");
        }

        await SendAsync(socket, """{"stream":"listening","data":{"streams":["trade_updates"]}}""", aborted);
        var outgoing = Channel.CreateUnbounded<byte[]>();
        lock (_streamLock)
        {
            _streams[key!] = (context, outgoing);
            _latestStreamKey = key;
            StreamConnections++;
            _streamConnectionsByKey.AddOrUpdate(key!, 1, (_, n) => n + 1);
        }

        try
        {
            await foreach (var frame in outgoing.Reader.ReadAllAsync(aborted))
            {
                await socket.SendAsync(frame, WebSocketMessageType.Binary, true, aborted);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException)
        {
            // Dropped by the test or closed by the client.
        }
        finally
        {
            lock (_streamLock)
            {
                if (_streams.TryGetValue(key!, out var current) && ReferenceEquals(current.Context, context))
                {
                    _streams.Remove(key!);
                }
            }
        }
    }

    private static async Task<JsonObject?> ReadJsonAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(message.ToArray())?.AsObject();
            }
        }
    }

    private static Task SendAsync(WebSocket socket, string json, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Binary, true, cancellationToken);
}
