namespace TradeNova.Portfolio.Model;

/// <summary>Every new subscriber starts with a paper portfolio holding this much cash.</summary>
public static class PortfolioDefaults
{
    public const decimal StartingCash = 10_000.00m;
    public const string Currency = "USD";
    public const string Mode = PortfolioAccounts.Paper;
}
