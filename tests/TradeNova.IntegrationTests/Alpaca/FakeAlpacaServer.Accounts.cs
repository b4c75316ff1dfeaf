using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace TradeNova.IntegrationTests.Alpaca;

/// <summary>Per-key accounts: a key given one here answers <c>GET /v2/account</c> and <c>GET /v2/positions</c> with its own
/// cash, equity and positions (in Alpaca's documented shape); other keys keep the documented sample account.</summary>
public sealed partial class FakeAlpacaServer
{
    private readonly Dictionary<string, (string Account, string Positions)> _accounts = new(StringComparer.Ordinal);
    private readonly Lock _accountsLock = new();

    /// <summary>Sets the account behind <paramref name="keyId"/>: equity = cash + Σ quantity × current price.</summary>
    public void SetAccount(string keyId, string accountNumber, decimal cash, params (string Symbol, decimal Qty, decimal AvgEntryPrice, decimal CurrentPrice)[] positions)
    {
        var equity = cash + positions.Sum(p => p.Qty * p.CurrentPrice);
        var account = JsonNode.Parse(AccountJson)!.AsObject();
        account["account_number"] = accountNumber;
        account["cash"] = Money(cash);
        account["equity"] = Money(equity);
        account["portfolio_value"] = Money(equity);
        account["last_equity"] = Money(equity);
        account["long_market_value"] = Money(positions.Where(p => p.Qty > 0m).Sum(p => p.Qty * p.CurrentPrice));
        account["short_market_value"] = Money(positions.Where(p => p.Qty < 0m).Sum(p => p.Qty * p.CurrentPrice));
        var list = new JsonArray([.. positions.Select(p => (JsonNode)new JsonObject
        {
            ["asset_id"] = Guid.NewGuid().ToString(),
            ["symbol"] = p.Symbol,
            ["exchange"] = "NASDAQ",
            ["asset_class"] = "us_equity",
            ["avg_entry_price"] = Money(p.AvgEntryPrice),
            ["qty"] = Money(p.Qty),
            ["qty_available"] = Money(p.Qty),
            ["side"] = p.Qty < 0m ? "short" : "long",
            ["market_value"] = Money(p.Qty * p.CurrentPrice),
            ["cost_basis"] = Money(p.Qty * p.AvgEntryPrice),
            ["unrealized_pl"] = Money(p.Qty * (p.CurrentPrice - p.AvgEntryPrice)),
            ["current_price"] = Money(p.CurrentPrice),
            ["lastday_price"] = Money(p.CurrentPrice),
            ["change_today"] = "0",
        })]);
        lock (_accountsLock)
        {
            _accounts[keyId] = (account.ToJsonString(), list.ToJsonString());
        }
    }

    private bool TryOwnAccount(HttpContext context, out string account, out string positions)
    {
        lock (_accountsLock)
        {
            if (context.Items[KeyItem] is string keyId && _accounts.TryGetValue(keyId, out var own))
            {
                (account, positions) = own;
                return true;
            }
        }

        (account, positions) = (string.Empty, string.Empty);
        return false;
    }
}
