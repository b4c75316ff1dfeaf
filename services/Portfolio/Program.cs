using TradeNova.Portfolio.Apis;
using TradeNova.Portfolio.Extensions;
using TradeNova.Portfolio.Hubs;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapPortfolioApiV1();
app.MapAccountHub();

app.Run();
