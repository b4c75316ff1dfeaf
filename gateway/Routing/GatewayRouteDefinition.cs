namespace TradeNova.Gateway.Routing;

/// <summary>One path the gateway forwards unchanged to a service; <paramref name="Anonymous"/> routes skip the bearer check.</summary>
public sealed record GatewayRouteDefinition(string RouteId, string Service, string Path, bool Anonymous = false);
