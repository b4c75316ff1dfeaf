using TradeNova.Execution.Brokers.Alpaca.Dto;

namespace TradeNova.Execution.Brokers.Alpaca;

public sealed partial class AlpacaClient
{
    /// <summary>
    /// One page of <c>GET /v2/stocks/bars</c>, starting at <paramref name="pageToken"/> (null: the first). A caller that must
    /// bound its work (an API answering within one request) pages with this instead of <see cref="GetBarsAsync"/>.
    /// </summary>
    public Task<AlpacaBarsPage> GetBarsPageAsync(AlpacaBarsQuery query, string? pageToken, CancellationToken cancellationToken) =>
        GetAsync<AlpacaBarsPage>(
            new AlpacaQuery(options.DataUrl, "/v2/stocks/bars")
                .Add("symbols", query.Symbols).Add("timeframe", query.Timeframe).Add("start", query.Start).Add("end", query.End)
                .Add("adjustment", query.Adjustment).Add("feed", options.DataFeed).Add("limit", query.PageLimit)
                .Add("page_token", pageToken),
            cancellationToken);
}
