namespace TradeNova.Trading.Indicators;

/// <summary>Keeps the smallest value: a new value at most as large makes older ones useless.</summary>
internal readonly struct MinimumOrder : IExtremumOrder
{
    public static bool Supersedes(double candidate, double existing) => candidate <= existing;
}
