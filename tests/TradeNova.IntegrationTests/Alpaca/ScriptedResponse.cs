namespace TradeNova.IntegrationTests.Alpaca;

/// <summary>An answer the fake server gives once, instead of its normal one, to the next matching request.</summary>
public sealed record ScriptedResponse(string Method, string Path, int Status, string Body, TimeSpan Delay = default);
