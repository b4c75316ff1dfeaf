using TradeNova.Backtest.Apis;
using TradeNova.Backtest.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapBacktestApiV1();
app.MapBacktestsApiV1();
app.MapBacktestDataApiV1();

app.Run();
