namespace TradeNova.Billing.Admin;

/// <summary>Audit action names.</summary>
public static class AdminActions
{
    public const string Grant = "grant";
    public const string Extend = "extend";
    public const string Cancel = "cancel";
    public const string SimulateTrialExpiry = "simulate-trial-expiry";
    public const string SimulatePaymentFailure = "simulate-payment-failure";
    public const string SimulateRenewal = "simulate-renewal";
}
