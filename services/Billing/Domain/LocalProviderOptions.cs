namespace TradeNova.Billing.Domain;

/// <summary>Settings of the local provider (<c>TradeNova:Billing:Local</c>).</summary>
public sealed class LocalProviderOptions
{
    /// <summary>Length of one paid period; short in tests so renewals happen while they watch.</summary>
    public TimeSpan PeriodLength { get; set; } = TimeSpan.FromDays(30);
}
