using TradeNova.Execution.Apis;
using TradeNova.Execution.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseRateLimiter();
app.MapOpenApi();
app.MapExecutionApiV1();
app.MapOrdersApiV1();
app.MapMarketApiV1();
app.MapMarketBarsApiV1();
app.MapBrokerConnectionApiV1();
app.MapMarketAdminApiV1();
app.MapStrategiesApiV1();

app.Run();
