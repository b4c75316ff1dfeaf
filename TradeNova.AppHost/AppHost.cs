// The TradeNova topology for Aspire 13 (ARCHITECTURE.md): one PostgreSQL database with one schema and one role per
// service, RabbitMQ, six services, the YARP gateway and the React SPA. The local runner (`./tradenova up`) mirrors
// exactly these resources and environment keys for machines without Docker.
using TradeNova.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

var postgresPassword = builder.AddParameter("postgres-password", secret: true);
var postgres = builder.AddPostgres("postgres", password: postgresPassword)
    .WithDataVolume()
    .WithLifetime(ContainerLifetime.Persistent)
    // Creates database `tradenova` and a role per service owning only its schema; runs once on an empty data dir.
    .WithInitFiles("./postgres-init");

var rabbitPassword = builder.AddParameter("rabbitmq-password", secret: true);
var messaging = builder.AddRabbitMQ("messaging", password: rabbitPassword)
    .WithManagementPlugin()
    .WithDataVolume()
    .WithLifetime(ContainerLifetime.Persistent);

var identity = builder.AddTradeNovaService<Projects.TradeNova_Identity>("identity", postgres, messaging);
var billing = builder.AddTradeNovaService<Projects.TradeNova_Billing>("billing", postgres, messaging, identity);
var portfolio = builder.AddTradeNovaService<Projects.TradeNova_Portfolio>("portfolio", postgres, messaging, identity);
var execution = builder.AddTradeNovaService<Projects.TradeNova_Execution>("execution", postgres, messaging, identity);
var risk = builder.AddTradeNovaService<Projects.TradeNova_Risk>("risk", postgres, messaging, identity);
var backtest = builder.AddTradeNovaService<Projects.TradeNova_Backtest>("backtest", postgres, messaging, identity);

var gateway = builder.AddProject<Projects.TradeNova_Gateway>("gateway")
    .WithReference(identity).WaitFor(identity)
    .WithReference(billing).WaitFor(billing)
    .WithReference(portfolio).WaitFor(portfolio)
    .WithReference(execution).WaitFor(execution)
    .WithReference(risk).WaitFor(risk)
    .WithReference(backtest).WaitFor(backtest)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

// The Vite dev server proxies /api and /hubs to GATEWAY_HTTP (web/vite.config.ts).
builder.AddViteApp("web", "../web")
    .WithReference(gateway)
    .WaitFor(gateway)
    .WithExternalHttpEndpoints();

builder.Build().Run();
