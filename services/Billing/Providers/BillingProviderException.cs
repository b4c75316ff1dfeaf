namespace TradeNova.Billing.Providers;

/// <summary>The provider refused or failed the request; the message is safe to show (no keys, no raw responses).</summary>
public sealed class BillingProviderException(string message, Exception? inner = null) : Exception(message, inner);
