using System.Globalization;
using System.Text.Json.Nodes;

namespace TradeNova.Tests.Billing;

/// <summary>
/// Stripe event payloads shaped as Stripe sends them for API 2026-10-28 (periods on subscription items, the
/// invoice's subscription under parent.subscription_details), for one customer and subscription.
/// </summary>
public sealed class StripeEvents(Guid userId, string suffix)
{
    public const string ApiVersion = "2026-10-28.endive";

    public Guid UserId { get; } = userId;

    public string CustomerId { get; } = $"cus_{suffix}";

    public string SubscriptionId { get; } = $"sub_{suffix}";

    public string Suffix { get; } = suffix;

    public string CheckoutCompleted(string eventId, long created) => Envelope(eventId, "checkout.session.completed", created, new JsonObject
    {
        ["id"] = $"cs_test_{Suffix}",
        ["object"] = "checkout.session",
        ["mode"] = "subscription",
        ["status"] = "complete",
        ["payment_status"] = "paid",
        ["client_reference_id"] = UserId.ToString(),
        ["customer"] = CustomerId,
        ["subscription"] = SubscriptionId,
        ["created"] = created,
        ["metadata"] = new JsonObject { ["user_id"] = UserId.ToString() },
    });

    public string Subscription(string eventId, string type, long created, string status, long periodStart, long periodEnd, bool cancelAtPeriodEnd = false) =>
        Envelope(eventId, type, created, SubscriptionObject(status, periodStart, periodEnd, cancelAtPeriodEnd));

    public JsonObject SubscriptionObject(string status, long periodStart, long periodEnd, bool cancelAtPeriodEnd = false) => new()
    {
        ["id"] = SubscriptionId,
        ["object"] = "subscription",
        ["customer"] = CustomerId,
        ["status"] = status,
        ["cancel_at_period_end"] = cancelAtPeriodEnd,
        ["created"] = periodStart,
        ["livemode"] = false,
        ["metadata"] = new JsonObject { ["user_id"] = UserId.ToString() },
        ["items"] = new JsonObject
        {
            ["object"] = "list",
            ["has_more"] = false,
            ["url"] = $"/v1/subscription_items?subscription={SubscriptionId}",
            ["data"] = new JsonArray(new JsonObject
            {
                ["id"] = $"si_{Suffix}",
                ["object"] = "subscription_item",
                ["current_period_start"] = periodStart,
                ["current_period_end"] = periodEnd,
                ["quantity"] = 1,
                ["subscription"] = SubscriptionId,
                ["price"] = new JsonObject
                {
                    ["id"] = "price_tradenova_monthly",
                    ["object"] = "price",
                    ["currency"] = "usd",
                    ["unit_amount"] = 10000,
                    ["recurring"] = new JsonObject { ["interval"] = "month", ["interval_count"] = 1 },
                },
            }),
        },
    };

    public string Invoice(string eventId, string type, long created, string invoiceId, string status, long amountPaid, long periodStart, long periodEnd) =>
        Envelope(eventId, type, created, new JsonObject
        {
            ["id"] = invoiceId,
            ["object"] = "invoice",
            ["customer"] = CustomerId,
            ["status"] = status,
            ["amount_due"] = 10000,
            ["amount_paid"] = amountPaid,
            ["currency"] = "usd",
            ["created"] = periodStart,
            ["period_start"] = periodStart,
            ["period_end"] = periodStart,
            ["hosted_invoice_url"] = $"https://invoice.stripe.com/i/acct_test/{invoiceId}",
            ["parent"] = new JsonObject
            {
                ["type"] = "subscription_details",
                ["subscription_details"] = new JsonObject { ["subscription"] = SubscriptionId, ["metadata"] = new JsonObject() },
            },
            ["lines"] = new JsonObject
            {
                ["object"] = "list",
                ["has_more"] = false,
                ["data"] = new JsonArray(new JsonObject
                {
                    ["id"] = $"il_{invoiceId}",
                    ["object"] = "line_item",
                    ["amount"] = 10000,
                    ["currency"] = "usd",
                    ["period"] = new JsonObject { ["start"] = periodStart, ["end"] = periodEnd },
                }),
            },
        });

    private static string Envelope(string eventId, string type, long created, JsonObject data) => new JsonObject
    {
        ["id"] = eventId,
        ["object"] = "event",
        ["api_version"] = ApiVersion,
        ["created"] = created,
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["type"] = type,
        ["data"] = new JsonObject { ["object"] = data },
    }.ToJsonString();

    public static long Unix(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture).ToUnixTimeSeconds();
}
