namespace TradeNova.Billing.Model;

public static class PaymentStatuses
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
