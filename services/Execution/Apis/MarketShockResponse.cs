namespace TradeNova.Execution.Apis;

/// <summary>A recorded price shock: from <see cref="EffectiveAt"/> the simulated price is multiplied by <see cref="Factor"/>.</summary>
public sealed record MarketShockResponse(
    long Id, string Symbol, decimal Factor, decimal ChangePercent, DateTimeOffset EffectiveAt, DateTimeOffset CreatedAt, Guid ActorId, string Reason)
{
    public static MarketShockResponse From(MarketShock shock) => new(
        shock.Id, shock.Symbol, shock.Factor, shock.ChangePercent, shock.EffectiveAt, shock.CreatedAt, shock.ActorId, shock.Reason);
}
