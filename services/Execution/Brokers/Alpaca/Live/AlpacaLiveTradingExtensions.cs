using TradeNova.Execution.Exchange;

namespace TradeNova.Execution.Brokers.Alpaca.Live;

public static class AlpacaLiveTradingExtensions
{
    /// <summary>
    /// Live orders through each user's Alpaca account: the broker adapter for mode <c>live</c>, the submitter (also the
    /// recovery path of live orders after a crash) and one trade stream per user with live orders open.
    /// </summary>
    public static IHostApplicationBuilder AddAlpacaLiveTrading(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AlpacaSubmissionQueue>();
        builder.Services.AddSingleton<IBrokerAdapter, AlpacaBrokerAdapter>();
        builder.Services.AddScoped<AlpacaOrderUpdater>();
        builder.Services.AddSingleton<AlpacaStreamSupervisor>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AlpacaStreamSupervisor>());
        builder.Services.AddHostedService<AlpacaOrderSubmitter>();
        return builder;
    }
}
