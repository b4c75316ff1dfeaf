using TradeNova.Risk.Apis;
using TradeNova.Risk.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapRiskApiV1();
app.MapRiskAdminApiV1();

app.Run();
