using TradeNova.Gateway.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddGatewayServices();

var app = builder.Build();
app.UseGateway();
app.Run();
