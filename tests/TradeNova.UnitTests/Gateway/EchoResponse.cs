namespace TradeNova.UnitTests.Gateway;

/// <summary>What a fake service saw of a forwarded request.</summary>
public sealed record EchoResponse(string Service, string Method, string Path, string Query, Dictionary<string, string> Headers);
