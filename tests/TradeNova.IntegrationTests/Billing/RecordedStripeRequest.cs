namespace TradeNova.IntegrationTests.Billing;

/// <summary>One request as the fake Stripe received it: headers and the decoded form fields of the body.</summary>
public sealed record RecordedStripeRequest(
    string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, IReadOnlyDictionary<string, string> Form);
