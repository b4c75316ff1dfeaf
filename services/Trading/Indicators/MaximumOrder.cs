namespace TradeNova.Trading.Indicators;

/// <summary>Keeps the largest value: a new value at least as large makes older ones useless.</summary>
internal readonly struct MaximumOrder : IExtremumOrder
{
    public static bool Supersedes(double candidate, double existing) => candidate >= existing;
}
