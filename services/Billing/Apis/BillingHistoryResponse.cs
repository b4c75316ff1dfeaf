namespace TradeNova.Billing.Apis;

public sealed record BillingHistoryResponse(IReadOnlyList<InvoiceResponse> Invoices, IReadOnlyList<PaymentResponse> Payments);

public sealed record InvoiceResponse(
    string Id, string Status, decimal AmountDue, decimal AmountPaid, string Currency,
    DateTimeOffset? PeriodStart, DateTimeOffset? PeriodEnd, string? HostedInvoiceUrl, DateTimeOffset CreatedAt);

public sealed record PaymentResponse(string Id, string InvoiceId, string Status, decimal Amount, string Currency, DateTimeOffset OccurredAt);
