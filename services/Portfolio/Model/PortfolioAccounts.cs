namespace TradeNova.Portfolio.Model;

/// <summary>The accounts a user's portfolios belong to (<see cref="UserPortfolio.Mode"/>, the <c>?account=</c> of the
/// API, the <c>Mode</c> of fills and valuations).</summary>
public static class PortfolioAccounts
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
