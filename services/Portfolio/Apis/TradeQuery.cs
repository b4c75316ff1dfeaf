using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Portfolio.Apis;

/// <summary>Filters and sorting of the trade history (query string). <c>sort</c>: <c>filledAt</c> (default),
/// <c>symbol</c>, <c>quantity</c>, <c>price</c>, <c>realizedPnl</c>, each with a leading <c>-</c> for descending;
/// the default is newest first. <c>account</c>: <c>paper</c> (default) or <c>live</c>.</summary>
public sealed record TradeQuery(string? Symbol, string? Side, DateTimeOffset? From, DateTimeOffset? To, string? Sort, int? Page, int? PageSize, string? Account)
{
    public const int MaxPageSize = 500;

    private static readonly string[] SortFields = ["filledat", "symbol", "side", "quantity", "price", "realizedpnl"];

    public ValidationErrors Validate() => new ValidationErrors()
        .Check(Side is null || Side.Equals("buy", StringComparison.OrdinalIgnoreCase) || Side.Equals("sell", StringComparison.OrdinalIgnoreCase), "side", "Must be buy or sell.")
        .Check(From is null || To is null || From <= To, "from", "Must not be after 'to'.")
        .Check(Page is null or >= 1, "page", "Starts at 1.")
        .Check(PageSize is null or >= 1 and <= MaxPageSize, "pageSize", $"Between 1 and {MaxPageSize}.")
        .Check(PortfolioAccounts.Parse(Account) is not null, "account", "Must be paper or live.")
        .Check(Sort is null || SortFields.Contains(Sort.TrimStart('-').ToLowerInvariant()), "sort", $"One of {string.Join(", ", SortFields)} (prefix - for descending).");

    public string Mode => PortfolioAccounts.Parse(Account) ?? PortfolioAccounts.Paper;

    public IQueryable<Fill> Apply(IQueryable<Fill> fills, Guid portfolioId)
    {
        var query = fills.Where(f => f.PortfolioId == portfolioId);
        if (!string.IsNullOrWhiteSpace(Symbol))
        {
            var symbol = Symbol.Trim().ToUpperInvariant();
            query = query.Where(f => f.Symbol == symbol);
        }

        if (!string.IsNullOrWhiteSpace(Side))
        {
            var side = Side.Trim().ToLowerInvariant();
            query = query.Where(f => f.Side == side);
        }

        if (From is { } from)
        {
            query = query.Where(f => f.FilledAt >= from);
        }

        if (To is { } to)
        {
            query = query.Where(f => f.FilledAt <= to);
        }

        var descending = Sort is null || Sort.StartsWith('-');
        return (Sort?.TrimStart('-').ToLowerInvariant() ?? "filledat") switch
        {
            "symbol" => descending ? query.OrderByDescending(f => f.Symbol).ThenByDescending(f => f.FilledAt) : query.OrderBy(f => f.Symbol).ThenBy(f => f.FilledAt),
            "side" => descending ? query.OrderByDescending(f => f.Side).ThenByDescending(f => f.FilledAt) : query.OrderBy(f => f.Side).ThenBy(f => f.FilledAt),
            "quantity" => descending ? query.OrderByDescending(f => f.Quantity).ThenByDescending(f => f.FilledAt) : query.OrderBy(f => f.Quantity).ThenBy(f => f.FilledAt),
            "price" => descending ? query.OrderByDescending(f => f.Price).ThenByDescending(f => f.FilledAt) : query.OrderBy(f => f.Price).ThenBy(f => f.FilledAt),
            "realizedpnl" => descending ? query.OrderByDescending(f => f.RealizedPnl).ThenByDescending(f => f.FilledAt) : query.OrderBy(f => f.RealizedPnl).ThenBy(f => f.FilledAt),
            _ => descending ? query.OrderByDescending(f => f.FilledAt).ThenByDescending(f => f.FillId) : query.OrderBy(f => f.FilledAt).ThenBy(f => f.FillId),
        };
    }
}
