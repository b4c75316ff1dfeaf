using System.Text;
using System.Text.Json;
using TradeNova.Execution.Brokers.Alpaca;
using TradeNova.Execution.Brokers.Alpaca.Dto;
using TradeNova.Execution.Brokers.Alpaca.Streaming;

namespace TradeNova.UnitTests.Alpaca;

public class AlpacaWireFormatTests
{
    [Fact]
    public void Order_with_string_numbers_unknown_fields_and_absent_optional_ones_is_read()
    {
        var order = JsonSerializer.Deserialize<AlpacaOrder>(
            """{"id":"o-1","client_order_id":"c-1","status":"partially_filled","qty":"10","filled_qty":"4","filled_avg_price":"100.125","brand_new_field":{"x":1}}""",
            AlpacaJson.Options)!;

        (order.Qty, order.FilledQty, order.FilledAvgPrice, order.LimitPrice).ShouldBe((10m, 4m, 100.125m, (decimal?)null));
    }

    [Fact]
    public void Trade_update_frame_is_parsed_with_the_execution_price_and_quantity()
    {
        var frame = Encoding.UTF8.GetBytes("""
            {"stream":"trade_updates","data":{"event":"fill","execution_id":"e-1","timestamp":"2026-12-01T15:00:00.123456Z","price":"179.08","qty":"1","position_qty":"100",
             "order":{"id":"o-1","client_order_id":"c-1","status":"filled","filled_qty":"1","filled_avg_price":"179.08"}}}
            """);

        var update = AlpacaStreamProtocol.Parse(frame).TradeUpdate!;

        (update.Event, update.Price, update.Qty, update.Order.ClientOrderId).ShouldBe(("fill", 179.08m, 1m, "c-1"));
    }

    [Fact]
    public void Auth_and_listen_messages_are_as_documented()
    {
        Encoding.UTF8.GetString(AlpacaStreamProtocol.Auth(new AlpacaCredentials("PKID", "SECRET", paper: true)))
            .ShouldBe("""{"action":"auth","key":"PKID","secret":"SECRET"}""");
        Encoding.UTF8.GetString(AlpacaStreamProtocol.Listen("trade_updates")).ShouldBe("""{"action":"listen","data":{"streams":["trade_updates"]}}""");
        AlpacaStreamProtocol.Parse("""{"stream":"authorization","data":{"status":"unauthorized","action":"authenticate"}}"""u8).AuthorizationStatus.ShouldBe("unauthorized");
    }

    [Fact]
    public void Credentials_print_only_a_masked_key_id()
    {
        var credentials = new AlpacaCredentials("PKTN4ALPACA11TEST01", "sEcReT-value", paper: false);

        credentials.ToString().ShouldBe("Alpaca live key PK••••ST01");
        credentials.ConnectionKey.ShouldNotContain("PKTN4ALPACA11TEST01");
    }
}
