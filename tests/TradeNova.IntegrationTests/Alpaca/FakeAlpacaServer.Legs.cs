using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace TradeNova.IntegrationTests.Alpaca;

/// <summary>
/// Bracket and OTO legs as Alpaca keeps them: orders of their own, with Alpaca's own ids and client_order_ids, held
/// until the entry fills, listed in the parent's <c>legs</c>; and the cancel and replace requests a test inspects.
/// </summary>
public sealed partial class FakeAlpacaServer
{
    /// <summary>Alpaca's ids of the orders a DELETE /v2/orders/{id} asked to cancel, in order.</summary>
    public ConcurrentQueue<string> CancelRequests { get; } = new();

    /// <summary>While set, PATCH /v2/orders/{id} answers 422 (Alpaca cannot replace an order that filled meanwhile).</summary>
    public bool ScriptedReplaceRefusal { get; set; }

    /// <summary>The leg of <paramref name="parentClientOrderId"/>'s bracket of Alpaca type <paramref name="type"/> (limit: take-profit, stop: stop-loss).</summary>
    public JsonObject Leg(string parentClientOrderId, string type) =>
        Orders[parentClientOrderId]["legs"]!.AsArray().Select(l => l!.AsObject()).Single(l => l["type"]!.GetValue<string>() == type);

    /// <summary>The client_order_id Alpaca gave a leg (its key in <see cref="Orders"/>).</summary>
    public static string ClientOrderIdOf(JsonObject order) => order["client_order_id"]!.GetValue<string>();

    private JsonObject NewLeg(JsonObject parent, string type, JsonNode? limitPrice, JsonNode? stopPrice)
    {
        var now = DateTimeOffset.UtcNow.ToString("O");
        return new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["client_order_id"] = Guid.NewGuid().ToString(),
            ["created_at"] = now,
            ["updated_at"] = now,
            ["submitted_at"] = now,
            ["symbol"] = parent["symbol"]?.DeepClone(),
            ["asset_class"] = "us_equity",
            ["qty"] = parent["qty"]?.DeepClone(),
            ["filled_qty"] = "0",
            ["filled_avg_price"] = null,
            ["order_class"] = parent["order_class"]?.DeepClone(),
            ["type"] = type,
            ["side"] = parent["side"]?.GetValue<string>() == "buy" ? "sell" : "buy",
            ["time_in_force"] = parent["time_in_force"]?.DeepClone(),
            ["limit_price"] = limitPrice?.DeepClone(),
            ["stop_price"] = stopPrice?.DeepClone(),
            ["status"] = "held",
            ["legs"] = null,
        };
    }

    /// <summary>The legs are orders of the same account: findable by id, fillable, and streamed to the owner.</summary>
    private void RegisterLegs(JsonObject parent, string ownerKey)
    {
        foreach (var leg in parent["legs"]?.AsArray() ?? [])
        {
            var id = ClientOrderIdOf(leg!.AsObject());
            Orders[id] = leg.AsObject();
            OrderOwners[id] = ownerKey;
        }
    }
}
