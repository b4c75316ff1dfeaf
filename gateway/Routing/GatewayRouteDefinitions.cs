namespace TradeNova.Gateway.Routing;

/// <summary>The platform contract's route table (docs/platform-contract.md). Paths are forwarded as they are.</summary>
public static class GatewayRouteDefinitions
{
    public static IReadOnlyList<GatewayRouteDefinition> All { get; } =
    [
        new("identity-register", GatewayServiceNames.Identity, "/api/v1/identity/register", Anonymous: true),
        new("identity-login", GatewayServiceNames.Identity, "/api/v1/identity/login", Anonymous: true),
        new("identity-refresh", GatewayServiceNames.Identity, "/api/v1/identity/refresh", Anonymous: true),
        new("identity-logout", GatewayServiceNames.Identity, "/api/v1/identity/logout", Anonymous: true),
        new("identity-password-reset", GatewayServiceNames.Identity, "/api/v1/identity/password/reset", Anonymous: true),
        new("identity-jwks", GatewayServiceNames.Identity, "/api/v1/identity/.well-known/jwks.json", Anonymous: true),
        new("identity", GatewayServiceNames.Identity, "/api/v1/identity/{**rest}"),
        // A catch-all also matches the bare prefix, so these cover /api/v1/portfolio and /hubs/account too.
        new("portfolio", GatewayServiceNames.Portfolio, "/api/v1/portfolio/{**rest}"),
        new("portfolio-hub", GatewayServiceNames.Portfolio, "/hubs/account/{**rest}"),
        new("orders", GatewayServiceNames.Execution, "/api/v1/orders/{**rest}"),
        new("execution", GatewayServiceNames.Execution, "/api/v1/execution/{**rest}"),
        // Quotes and the price service live in Execution beside the paper exchange that fills against them.
        new("market", GatewayServiceNames.Execution, "/api/v1/market/{**rest}"),
        // A user's own broker (Alpaca) connection: credentials are held only by Execution.
        new("broker", GatewayServiceNames.Execution, "/api/v1/broker/{**rest}"),
        // Live strategy runs: Execution runs them beside the orders they send.
        new("strategies", GatewayServiceNames.Execution, "/api/v1/strategies/{**rest}"),
        // Stripe calls this without a token; Billing verifies the signature instead.
        new("billing-stripe-webhook", GatewayServiceNames.Billing, "/api/v1/billing/webhooks/stripe", Anonymous: true),
        new("billing", GatewayServiceNames.Billing, "/api/v1/billing/{**rest}"),
        new("risk", GatewayServiceNames.Risk, "/api/v1/risk/{**rest}"),
        new("backtest", GatewayServiceNames.Backtest, "/api/v1/backtest/{**rest}"),
        new("backtests", GatewayServiceNames.Backtest, "/api/v1/backtests/{**rest}"),
    ];
}
