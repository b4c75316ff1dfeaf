using TradeNova.Identity.Admin;
using TradeNova.Identity.Apis;
using TradeNova.Identity.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapJwksApi();
app.MapIdentityApiV1();
app.MapAccountSecurityApiV1();
app.MapIdentityAdminApiV1();

app.Run();
