using TradeNova.LoopFloor;

// Usage: TradeNova.LoopFloor setup | gateway | execution | risk | portfolio  [--urls http://127.0.0.1:PORT]
// One role per process, as the platform runs one service per process; run.sh starts them all. Configuration:
// TRADENOVA_TEST_PG_ADMIN (PostgreSQL; the roles use its database tradenova_floor), ConnectionStrings__messaging (RabbitMQ),
// Floor__SigningKey (the token key gateway and portfolio share), Floor__Execution and Floor__Portfolio (gateway's upstreams).
var role = args.FirstOrDefault() ?? "";
var rest = args.Skip(1).ToArray();
switch (role)
{
    case "setup":
        await FloorSchema.RecreateAsync(FloorHost.AdminConnectionString);
        Console.WriteLine($"database {FloorSchema.Database} created");
        return 0;
    case "gateway":
        await GatewayRole.Build(rest).RunAsync();
        return 0;
    case "execution":
        await ExecutionRole.Build(rest).RunAsync();
        return 0;
    case "risk":
        await RiskRole.Build(rest).RunAsync();
        return 0;
    case "portfolio":
        await PortfolioRole.Build(rest).RunAsync();
        return 0;
    default:
        Console.Error.WriteLine("usage: TradeNova.LoopFloor setup|gateway|execution|risk|portfolio [--urls http://127.0.0.1:PORT]");
        return 2;
}
