using TradeNova.Execution.Brokers.Alpaca.Accounts;
using TradeNova.Execution.Exchange;

namespace TradeNova.Execution.Brokers.Alpaca.Live;

public static class AlpacaLiveTradingExtensions
{
    /// <summary>
    /// Live orders through each user's Alpaca account: the broker adapter for mode <c>live</c>, the submitter (also the
    /// recovery path of live orders after a crash), one trade stream per user with live orders open, and the reports of
    /// each connected user's broker account to Portfolio.
    /// </summary>
    public static IHostApplicationBuilder AddAlpacaLiveTrading(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AlpacaSubmissionQueue>();
        builder.Services.AddScoped<IBrokerAdapter, AlpacaBrokerAdapter>();
        builder.Services.AddScoped<AlpacaOrderUpdater>();
        builder.Services.AddOptions<AlpacaAccountSyncOptions>().BindConfiguration("TradeNova:Alpaca:AccountSync");
        builder.Services.AddSingleton<AlpacaAccountSync>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AlpacaAccountSync>());
        builder.Services.AddSingleton<AlpacaStreamSupervisor>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AlpacaStreamSupervisor>());
        builder.Services.AddHostedService<AlpacaOrderSubmitter>();
        return builder;
    }
}
