namespace TradeNova.Execution.Brokers.Alpaca.MarketData;

public static class AlpacaMarketDataExtensions
{
    /// <summary>The real-time market data stream factory; the REST bars and quotes are part of <see cref="AlpacaClient"/>.</summary>
    public static IHostApplicationBuilder AddAlpacaMarketData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AlpacaMarketDataOptions>().BindConfiguration("TradeNova:Alpaca");
        builder.Services.AddSingleton<AlpacaMarketDataStreamFactory>();
        return builder;
    }
}
