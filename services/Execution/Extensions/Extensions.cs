using MassTransit;
using TradeNova.Contracts.Risk;
using TradeNova.Execution.Brokers.Alpaca;
using TradeNova.Execution.Brokers.Alpaca.Live;
using TradeNova.Execution.Brokers.Alpaca.MarketData;
using TradeNova.Execution.Credentials;
using TradeNova.Execution.Exchange;
using TradeNova.Execution.IntegrationEvents.EventHandling;
using TradeNova.Execution.Market;
using TradeNova.Execution.Orders;
using TradeNova.Execution.Strategies;
using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging;

namespace TradeNova.Execution.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ExecutionOptions>().BindConfiguration("TradeNova:Execution");
        builder.Services.AddOrderAdmission();
        builder.Services.AddOptions<SimulationOptions>().BindConfiguration("TradeNova:Market");
        builder.Services.AddOptions<PaperExchangeOptions>().BindConfiguration("TradeNova:PaperExchange");

        builder.AddServiceDatabase<ExecutionDbContext>(ExecutionDbContext.Schema);
        builder.AddServiceMessaging<ExecutionDbContext>(ExecutionDbContext.Schema, bus =>
        {
            bus.AddConsumer<UserRegisteredIntegrationEventHandler>();
            bus.AddConsumer<SubscriptionDeactivatedIntegrationEventHandler>();
            bus.AddConsumer<TradingHaltedIntegrationEventHandler>();
            bus.AddConsumer<PortfolioValuedIntegrationEventHandler>();
            bus.AddConsumer<PortfoliosValuedIntegrationEventHandler>();
            // Published, not sent to a queue name: whichever Risk instance consumes CheckOrderRisk answers. RiskGate sets the timeout.
            bus.AddRequestClient<CheckOrderRisk>();
        });

        builder.Services.AddSingleton<MarketShocks>();
        builder.Services.AddSingleton<PriceSimulator>();
        builder.Services.AddSingleton<IBrokerAdapter, PaperBrokerAdapter>();
        builder.Services.AddScoped<BrokerRouter>(); // scoped: the live adapter uses the caller's context
        builder.Services.AddScoped<BrokerCancels>();
        builder.Services.AddScoped<OrderLedger>();
        builder.Services.AddScoped<RiskGate>();
        builder.Services.AddScoped<OrderAcceptance>();
        builder.Services.AddScoped<OrderPlacement>();
        builder.Services.AddScoped<OrderReplacement>();
        builder.Services.AddScoped<PaperExchange>();
        builder.Services.AddSingleton<ExchangeWakeup>();
        builder.Services.AddSingleton<RestingOrderBounds>();
        // Before the exchange and the price publisher, so prices include the shocks from the first tick.
        builder.Services.AddHostedService<MarketShockRefresher>();
        builder.Services.AddHostedService<PaperExchangeWorker>();
        builder.Services.AddHostedService<OrderRecoverySweep>();
        builder.Services.AddHostedService<MarketPricePublisher>();
        builder.AddAlpacaBroker();
        builder.AddAlpacaMarketData();
        builder.AddBrokerCredentials();
        builder.AddAlpacaLiveTrading();
        builder.AddStrategies();
        builder.Services.AddOpenApi();
        return builder;
    }
}
