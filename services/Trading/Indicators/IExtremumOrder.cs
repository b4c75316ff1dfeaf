namespace TradeNova.Trading.Indicators;

/// <summary>Compile-time choice of maximum or minimum for <see cref="MonotonicWindow{TOrder}"/>, so that the comparison
/// is inlined instead of branching or calling through a delegate on every update.</summary>
internal interface IExtremumOrder
{
    /// <summary>True when <paramref name="candidate"/> makes <paramref name="existing"/> useless as a future extremum.</summary>
    static abstract bool Supersedes(double candidate, double existing);
}
