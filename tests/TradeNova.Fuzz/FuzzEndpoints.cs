namespace TradeNova.Fuzz;

/// <summary>
/// The endpoints the driver attacks: this table, plus whatever each service's <c>/openapi/v1.json</c> lists when it runs
/// (so routes added later are covered without touching this file). Routes that do not exist yet are kept on purpose: a
/// 404 problem is the right answer today, and the route is fuzzed as soon as it appears.
/// </summary>
public static class FuzzEndpoints
{
    public const string Identity = "identity";
    public const string Billing = "billing";
    public const string Portfolio = "portfolio";
    public const string Execution = "execution";
    public const string Risk = "risk";
    public const string Backtest = "backtest";

    public static readonly string[] Services = [Identity, Billing, Portfolio, Execution, Risk, Backtest];

    private const string Register = """{"email":"fuzz@example.com","password":"Fuzz-horse-battery-9","displayName":"Fuzz"}""";
    private const string Login = """{"email":"fuzz@example.com","password":"Fuzz-horse-battery-9"}""";
    private const string Order = """{"symbol":"AAPL","side":"buy","type":"market","quantity":1,"limitPrice":null,"timeInForce":"day"}""";
    private const string BacktestJob = """{"strategy":"sma-crossover","parameters":{"fast":10,"slow":30},"symbols":["SPY"],"from":"2019-01-01","to":"2019-12-31","initialCash":10000}""";
    private const string RiskLimits = """{"maxPositionPercent":0.1,"dailyLossPercent":0.05,"maxDrawdownPercent":0.15,"maxOpenPositions":10}""";
    private const string StripeEvent = """{"id":"evt_fuzz","type":"customer.subscription.updated","data":{"object":{"id":"sub_fuzz","status":"active"}}}""";

    public static IReadOnlyList<FuzzEndpoint> Table { get; } =
    [
        new(Identity, "POST", "/api/v1/identity/register", Anonymous: true, Register),
        new(Identity, "POST", "/api/v1/identity/login", Anonymous: true, Login),
        new(Identity, "POST", "/api/v1/identity/refresh", Anonymous: true, """{"refreshToken":"x"}"""),
        new(Identity, "GET", "/api/v1/identity/me"),
        new(Identity, "GET", "/api/v1/identity/.well-known/jwks.json", Anonymous: true),
        new(Identity, "GET", "/.well-known/jwks.json", Anonymous: true),
        new(Portfolio, "GET", "/api/v1/portfolio"),
        new(Portfolio, "GET", "/api/v1/portfolio/{id}"),
        new(Portfolio, "POST", "/hubs/account/negotiate?negotiateVersion=1"),
        new(Execution, "GET", "/api/v1/execution/account"),
        new(Execution, "POST", "/api/v1/orders", SampleBody: Order),
        new(Execution, "GET", "/api/v1/orders"),
        new(Execution, "GET", "/api/v1/orders/{id}"),
        new(Execution, "DELETE", "/api/v1/orders/{id}"),
        new(Execution, "GET", "/api/v1/market/quotes?symbols=AAPL,MSFT"),
        new(Execution, "GET", "/api/v1/market/symbols"),
        new(Execution, "PUT", "/api/v1/execution/broker", SampleBody: """{"apiKeyId":"PKFUZZ","apiSecret":"secret","paper":true}"""),
        new(Execution, "PUT", "/api/v1/broker/connection", SampleBody: """{"keyId":"PKFUZZ","secretKey":"secret","environment":"paper"}"""),
        new(Execution, "GET", "/api/v1/broker/connection"),
        new(Execution, "DELETE", "/api/v1/broker/connection"),
        new(Execution, "PUT", "/api/v1/execution/account", SampleBody: """{"mode":"live"}"""),
        new(Execution, "POST", "/api/v1/market/admin/shocks", SampleBody: """{"symbol":"AAPL","changePercent":-5,"reason":"fuzz"}"""),
        new(Risk, "GET", "/api/v1/risk/profile"),
        new(Risk, "GET", "/api/v1/risk/limits"),
        new(Risk, "PUT", "/api/v1/risk/limits", SampleBody: RiskLimits),
        new(Risk, "GET", "/api/v1/risk/status"),
        new(Risk, "POST", "/api/v1/risk/admin/halts", SampleBody: """{"userId":"00000000-0000-0000-0000-000000000000","reason":"fuzz"}"""),
        new(Backtest, "GET", "/api/v1/backtest/quota"),
        new(Backtest, "POST", "/api/v1/backtests", SampleBody: BacktestJob),
        new(Backtest, "GET", "/api/v1/backtests"),
        new(Backtest, "GET", "/api/v1/backtests/{id}"),
        new(Backtest, "DELETE", "/api/v1/backtests/{id}"),
        new(Billing, "GET", "/api/v1/billing/customer"),
        new(Billing, "GET", "/api/v1/billing/subscription"),
        new(Billing, "POST", "/api/v1/billing/checkout", SampleBody: """{"plan":"standard"}"""),
        new(Billing, "POST", "/api/v1/billing/webhooks/stripe", Anonymous: true, StripeEvent),
    ];

    /// <summary>Served by every service and the gateway.</summary>
    public static IReadOnlyList<FuzzEndpoint> Common(string service) =>
    [
        new(service, "GET", "/health", Anonymous: true),
        new(service, "GET", "/alive", Anonymous: true),
        new(service, "GET", "/openapi/v1.json", Anonymous: true),
    ];
}
