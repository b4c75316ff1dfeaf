namespace TradeNova.Risk.Model;

/// <summary>The accounts Risk keeps a read model of per user: the paper account (built-in exchange) and the live one (the
/// user's broker). The <c>Mode</c> of orders, fills and valuations, and the <c>?account=</c> of the API.</summary>
public static class RiskAccounts
{
    public const string Paper = "paper";
    public const string Live = "live";

    /// <summary>The account named by a query or a message (default paper); null when it names neither.</summary>
    public static string? Parse(string? account) => account?.Trim().ToLowerInvariant() switch
    {
        null or "" or Paper => Paper,
        Live => Live,
        _ => null,
    };
}
