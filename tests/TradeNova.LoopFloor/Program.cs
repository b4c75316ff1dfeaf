using TradeNova.LoopFloor;

// Usage: TradeNova.LoopFloor setup | gateway | execution | risk | portfolio  [--urls http://127.0.0.1:PORT]
// One role per process, as the platform runs one service per process; run.sh starts them all. Configuration:
// TRADENOVA_TEST_PG_ADMIN (PostgreSQL; the roles use its database tradenova_floor), ConnectionStrings__messaging (RabbitMQ),
// Floor__SigningKey (the token key gateway and portfolio share), Floor__Execution and Floor__Portfolio (gateway's upstreams).
var role = args.Length > 0 ? args[0] : "";
if (role == "setup")
{
    await FloorSchema.RecreateAsync(FloorHost.AdminConnectionString);
    Console.WriteLine($"database {FloorSchema.Database} created");
    return 0;
}

Func<string[], WebApplication>? build = role switch
{
    "gateway" => GatewayRole.Build,
    "execution" => ExecutionRole.Build,
    "risk" => RiskRole.Build,
    "portfolio" => PortfolioRole.Build,
    _ => null,
};
if (build is null)
{
    Console.Error.WriteLine("usage: TradeNova.LoopFloor setup|gateway|execution|risk|portfolio [--urls http://127.0.0.1:PORT]");
    return 2;
}

await build(args[1..]).RunAsync();
return 0;
