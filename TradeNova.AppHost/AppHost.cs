// The TradeNova topology (ARCHITECTURE.md), the one description of the running platform: one PostgreSQL database with
// one schema and one login role per service, RabbitMQ, six services and the YARP gateway, which also serves the built
// SPA (web/dist). `./tradenova up` runs this AppHost; the shell scripts only provide the infrastructure.
using TradeNova.AppHost;
using TradeNova.AppHost.Infrastructure;
using TradeNova.AppHost.Runner;

var builder = DistributedApplication.CreateBuilder(args);
var settings = PlatformSettings.Load(builder);
var infrastructure = builder.AddTradeNovaInfrastructure(settings);

var identity = builder.AddTradeNovaService<Projects.TradeNova_Identity>("identity", settings, infrastructure);
var billing = builder.AddTradeNovaService<Projects.TradeNova_Billing>("billing", settings, infrastructure, identity);
var portfolio = builder.AddTradeNovaService<Projects.TradeNova_Portfolio>("portfolio", settings, infrastructure, identity);
var execution = builder.AddTradeNovaService<Projects.TradeNova_Execution>("execution", settings, infrastructure, identity);
// Users' broker credentials are sealed under this key (the runner makes it once, in .tradenova/secrets).
if (!string.IsNullOrEmpty(builder.Configuration["Parameters:credential-kek"]))
{
    var credentialKey = builder.AddParameter("credential-kek", secret: true);
    execution
        .WithEnvironment("TradeNova__Execution__CredentialEncryption__ActiveKeyId", "local-1")
        .WithEnvironment("TradeNova__Execution__CredentialEncryption__Keys__local-1", credentialKey);
}

var risk = builder.AddTradeNovaService<Projects.TradeNova_Risk>("risk", settings, infrastructure, identity);
var backtest = builder.AddTradeNovaService<Projects.TradeNova_Backtest>("backtest", settings, infrastructure, identity)
    // Alpaca bars for the lab come through Execution, the only holder of users' broker keys.
    .WithReference(execution);

builder.AddTradeNovaApp<Projects.TradeNova_Gateway>("gateway", settings)
    .WithReference(identity).WaitFor(identity)
    .WithReference(billing).WaitFor(billing)
    .WithReference(portfolio).WaitFor(portfolio)
    .WithReference(execution).WaitFor(execution)
    .WithReference(risk).WaitFor(risk)
    .WithReference(backtest).WaitFor(backtest)
    // The gateway serves the SPA that `npm run build` leaves in web/dist (there is no Aspire.Hosting.JavaScript here).
    .WithEnvironment("TradeNova__Gateway__SpaRoot", settings.SpaRoot)
    .WithExternalHttpEndpoints();

if (settings.RunDirectory is not null)
{
    builder.AddRunDirectory(settings.RunDirectory);
}

builder.Build().Run();
